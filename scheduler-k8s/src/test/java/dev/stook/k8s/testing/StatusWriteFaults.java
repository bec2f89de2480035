package dev.stook.k8s.testing;

import java.io.IOException;
import java.util.function.Supplier;

/** Pod status patches and event posts: failed, slowed or answered late as the fault plan draws. */
final class StatusWriteFaults {
    private final ApiServerForwarder forwarder;
    private final Supplier<FaultPlan> faults;

    StatusWriteFaults(ApiServerForwarder forwarder, Supplier<FaultPlan> faults) {
        this.forwarder = forwarder;
        this.faults = faults;
    }

    void write(Exchange exchange, FaultPlan.Target target) throws IOException, InterruptedException {
        FaultPlan plan = faults.get();
        FaultPlan.Fault fault = plan.next(target);
        if (fault == FaultPlan.Fault.TIMEOUT) {
            BufferedAnswer answer = forwarder.forwardBuffered(exchange);
            exchange.holdFor(plan.timeoutDelayMillis());
            answer.writeTo(exchange.out);
            return;
        }
        exchange.holdFor(plan.latencyMillis(target));
        if (fault == FaultPlan.Fault.SERVER_ERROR) {
            exchange.answer(500, "InternalError", "injected failure", null);
            return;
        }
        forwarder.forward(exchange);
    }
}
