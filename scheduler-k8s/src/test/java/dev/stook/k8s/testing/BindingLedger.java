package dev.stook.k8s.testing;

import dev.stook.k8s.testing.FaultyApi.AcceptedBinding;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Binding requests: counted, failed, refused, answered late or lost as the test asks or the fault plan draws,
 * held by the {@link BindingStall}, and, once the API server accepted them, recorded.
 */
final class BindingLedger {
    private final ApiServerForwarder forwarder;
    private final Supplier<FaultPlan> faults;
    private final BindingStall stall;
    private final AtomicInteger requests = new AtomicInteger();
    private final NextRequests failuresToInject = new NextRequests();
    private final NextRequests lostAnswersToInject = new NextRequests();
    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private final List<AcceptedBinding> log = new ArrayList<>();

    BindingLedger(ApiServerForwarder forwarder, Supplier<FaultPlan> faults, BindingStall stall) {
        this.forwarder = forwarder;
        this.faults = faults;
        this.stall = stall;
    }

    void failNext(int count) {
        failuresToInject.set(count);
    }

    void loseNextAnswers(int count) {
        lostAnswersToInject.set(count);
    }

    int requests() {
        return requests.get();
    }

    int accepted(String namespace, String name) {
        AtomicInteger count = accepted.get(namespace + "/" + name);
        return count == null ? 0 : count.get();
    }

    /** Bindings the API server accepted, by {@code namespace/name}. */
    Map<String, AtomicInteger> accepted() {
        return accepted;
    }

    /** Every accepted binding, in the order the API server answered them. */
    List<AcceptedBinding> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    void bind(Exchange exchange, String namespace, String name) throws IOException, InterruptedException {
        requests.incrementAndGet();
        if (!stall.takeSlot()) {
            stall.awaitResume();
            exchange.answer(503, "ServiceUnavailable", "binding stalled by the test", name);
            return;
        }
        boolean bound = false;
        try {
            FaultPlan plan = faults.get();
            FaultPlan.Fault fault = plan.next(FaultPlan.Target.BINDING);
            exchange.holdFor(plan.latencyMillis(FaultPlan.Target.BINDING));
            if (failuresToInject.take() || fault == FaultPlan.Fault.SERVER_ERROR) {
                exchange.answer(500, "InternalError", "injected failure", name);
                return;
            }
            if (fault == FaultPlan.Fault.CONFLICT) {
                exchange.answer(409, "Conflict", "Operation cannot be fulfilled on pods/binding \"" + name
                        + "\": injected conflict", name);
                return;
            }
            BufferedAnswer answer = forwarder.forwardBuffered(exchange);
            if (answer.status() / 100 != 2) {
                answer.writeTo(exchange.out);
                return;
            }
            bound = true;
            accepted.computeIfAbsent(namespace + "/" + name, k -> new AtomicInteger()).incrementAndGet();
            synchronized (log) {
                log.add(new AcceptedBinding(namespace + "/" + name, exchange.request.header("User-Agent"),
                        System.currentTimeMillis()));
            }
            if (lostAnswersToInject.take() || fault == FaultPlan.Fault.LOST_ANSWER) {
                exchange.answer(409, "Conflict", "Operation cannot be fulfilled on pods/binding \"" + name
                        + "\": pod " + name + " is already assigned (injected lost answer)", name);
                return;
            }
            if (fault == FaultPlan.Fault.TIMEOUT) {
                exchange.holdFor(plan.timeoutDelayMillis());
            }
            answer.writeTo(exchange.out);
        } finally {
            if (!bound) {
                stall.giveBackSlot();
            }
        }
    }
}
