package dev.stook.k8s.status;

import dev.stook.core.model.PodId;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Condition writes waiting to be sent, at most one per pod, handed out when due. */
final class PendingConditions {
    private final Map<PodId, ConditionRequest> requests = new LinkedHashMap<>();
    private boolean closed;

    /** Replaces any request for the same pod, a retry included: the latest wins. */
    synchronized void add(ConditionRequest request) {
        requests.put(request.pod(), request);
        notifyAll();
    }

    /** Keeps a failed request for later, unless a newer one for the pod came meanwhile. */
    synchronized void retry(ConditionRequest failed) {
        requests.putIfAbsent(failed.pod(), failed);
        notifyAll();
    }

    /** The next due request, waiting until there is one; empty once closed. */
    synchronized Optional<ConditionRequest> takeDue() throws InterruptedException {
        while (!closed) {
            long now = System.nanoTime();
            long untilNextDue = Long.MAX_VALUE;
            for (Iterator<ConditionRequest> it = requests.values().iterator(); it.hasNext(); ) {
                ConditionRequest request = it.next();
                long untilDue = request.dueAtNanos() - now;
                if (untilDue <= 0) {
                    it.remove();
                    return Optional.of(request);
                }
                untilNextDue = Math.min(untilNextDue, untilDue);
            }
            if (untilNextDue == Long.MAX_VALUE) {
                wait();
            } else {
                TimeUnit.NANOSECONDS.timedWait(this, untilNextDue);
            }
        }
        return Optional.empty();
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
