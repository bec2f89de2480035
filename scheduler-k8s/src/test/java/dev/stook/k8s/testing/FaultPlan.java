package dev.stook.k8s.testing;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which faults are injected into which requests, drawn from a seeded random so a run can
 * be repeated, and how many of each it injected.
 */
public final class FaultPlan {
    /** The requests faults are injected into. */
    public enum Target { BINDING, POD_STATUS, EVENT }

    /** What goes wrong with one request. */
    public enum Fault {
        NONE,
        /** 500, nothing done. */
        SERVER_ERROR,
        /** Carried out, but answered only after the client's request timeout. */
        TIMEOUT,
        /** 409, nothing done: the client must find out from the watch that the pod is still pending. */
        CONFLICT,
        /** Carried out, but answered 409, as when a retried request's first try had won. */
        LOST_ANSWER
    }

    /** Per-request probabilities of each fault, and the most latency added to every answer. */
    public record Rates(double serverErrors, double timeouts, double conflicts, double lostAnswers, long maxLatencyMillis) {
        public static final Rates NONE = new Rates(0, 0, 0, 0, 0);

        public double total() {
            return serverErrors + timeouts + conflicts + lostAnswers;
        }
    }

    private final SplittableRandom random;
    private final Map<Target, Rates> rates;
    private final long timeoutDelayMillis;
    private final Map<Target, Map<Fault, AtomicInteger>> injected = new EnumMap<>(Target.class);

    /**
     * @param timeoutDelayMillis how late a {@link Fault#TIMEOUT} answer comes: longer than the client's
     *                           request timeout
     */
    public FaultPlan(long seed, Map<Target, Rates> rates, long timeoutDelayMillis) {
        this.random = new SplittableRandom(seed);
        this.rates = Map.copyOf(rates);
        this.timeoutDelayMillis = timeoutDelayMillis;
        for (Target target : Target.values()) {
            Map<Fault, AtomicInteger> counts = new EnumMap<>(Fault.class);
            for (Fault fault : Fault.values()) {
                counts.put(fault, new AtomicInteger());
            }
            injected.put(target, counts);
        }
    }

    /** The fault for the next request to the target (409s only apply to bindings), counted. */
    public synchronized Fault next(Target target) {
        Rates r = rates.getOrDefault(target, Rates.NONE);
        double draw = random.nextDouble();
        Fault fault;
        if ((draw -= r.serverErrors()) < 0) {
            fault = Fault.SERVER_ERROR;
        } else if ((draw -= r.timeouts()) < 0) {
            fault = Fault.TIMEOUT;
        } else if (target == Target.BINDING && (draw -= r.conflicts()) < 0) {
            fault = Fault.CONFLICT;
        } else if (target == Target.BINDING && draw - r.lostAnswers() < 0) {
            fault = Fault.LOST_ANSWER;
        } else {
            fault = Fault.NONE;
        }
        injected.get(target).get(fault).incrementAndGet();
        return fault;
    }

    /** Latency to add to an answer to the target. */
    public synchronized long latencyMillis(Target target) {
        long max = rates.getOrDefault(target, Rates.NONE).maxLatencyMillis();
        return max == 0 ? 0 : random.nextLong(max + 1);
    }

    public long timeoutDelayMillis() {
        return timeoutDelayMillis;
    }

    public int injected(Target target, Fault fault) {
        return injected.get(target).get(fault).get();
    }

    /** Requests to the target that got a fault other than latency. */
    public int faulted(Target target) {
        return injected.get(target).entrySet().stream().filter(e -> e.getKey() != Fault.NONE)
                .mapToInt(e -> e.getValue().get()).sum();
    }

    public int requests(Target target) {
        return injected.get(target).values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** One line per target: requests, then each fault's count. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        for (Target target : Target.values()) {
            out.append(String.format("  %-10s requests=%d", target, requests(target)));
            for (Fault fault : Fault.values()) {
                if (fault != Fault.NONE) {
                    out.append(' ').append(fault).append('=').append(injected(target, fault));
                }
            }
            out.append('\n');
        }
        return out.toString();
    }
}
