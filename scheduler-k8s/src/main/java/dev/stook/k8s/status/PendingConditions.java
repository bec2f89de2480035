package dev.stook.k8s.status;

import dev.stook.core.model.PodId;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Condition writes waiting to be sent, at most one per pod, handed out when due and one namespace at a time
 * in turn: a namespace with thousands of pods waiting delays another namespace's condition by one write.
 */
final class PendingConditions {
    /** In turn order: the namespace served next first; within one, in the order the pods were added. */
    private final Map<String, LinkedHashMap<PodId, ConditionRequest>> byNamespace = new LinkedHashMap<>();
    private boolean closed;

    /** Replaces any request for the same pod, a retry included: the latest wins. */
    synchronized void add(ConditionRequest request) {
        inNamespace(request).put(request.pod(), request);
        notifyAll();
    }

    /** Keeps a failed request for later, unless a newer one for the pod came meanwhile. */
    synchronized void retry(ConditionRequest failed) {
        inNamespace(failed).putIfAbsent(failed.pod(), failed);
        notifyAll();
    }

    /** The next due request, waiting until there is one; empty once closed. */
    synchronized Optional<ConditionRequest> takeDue() throws InterruptedException {
        while (!closed) {
            long now = System.nanoTime();
            long untilNextDue = Long.MAX_VALUE;
            for (Map.Entry<String, LinkedHashMap<PodId, ConditionRequest>> turn : byNamespace.entrySet()) {
                for (Iterator<ConditionRequest> it = turn.getValue().values().iterator(); it.hasNext(); ) {
                    ConditionRequest request = it.next();
                    long untilDue = request.dueAtNanos() - now;
                    if (untilDue <= 0) {
                        it.remove();
                        endTurn(turn.getKey(), turn.getValue());
                        return Optional.of(request);
                    }
                    untilNextDue = Math.min(untilNextDue, untilDue);
                }
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

    private Map<PodId, ConditionRequest> inNamespace(ConditionRequest request) {
        return byNamespace.computeIfAbsent(request.pod().namespace(), namespace -> new LinkedHashMap<>());
    }

    /** The namespace goes to the back of the line, or leaves it with nothing left to send. */
    private void endTurn(String namespace, LinkedHashMap<PodId, ConditionRequest> requests) {
        byNamespace.remove(namespace);
        if (!requests.isEmpty()) {
            byNamespace.put(namespace, requests);
        }
    }
}
