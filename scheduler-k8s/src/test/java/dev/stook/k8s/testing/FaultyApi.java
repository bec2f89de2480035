package dev.stook.k8s.testing;

import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a test can make the API server do wrong, and what it saw of bindings and pod evictions, as the
 * schedulers' requests see it: {@link FaultProxy} offers it in front of a real API server.
 */
public interface FaultyApi {
    /** A binding the API server carried out: {@code namespace/name}, the client's User-Agent, when. */
    record AcceptedBinding(String pod, String client, long atMillis) {}

    /** A pod eviction the API server carried out: the pod just before it, and the Eviction's delete options (or null). */
    record Evicted(Pod pod, DeleteOptions options) {}

    /** From now on, faults and latency are drawn from the plan. */
    void injectFaults(FaultPlan plan);

    FaultPlan faults();

    /** The next {@code count} binding requests answer 500 and bind nothing. */
    void failNextBindings(int count);

    /** The next {@code count} bindings are carried out but answer 409, as when a retried request's first try had won. */
    void loseNextBindingAnswers(int count);

    /**
     * After {@code count} more accepted bindings, binding requests are neither carried out nor answered
     * (until {@link #resumeBindings()}), so a scheduler can be caught with a gang partly bound.
     */
    void stallBindingsAfter(int count);

    void resumeBindings();

    int bindingRequests();

    int acceptedBindings(String namespace, String name);

    /** Bindings the API server carried out, by {@code namespace/name}. */
    Map<String, AtomicInteger> acceptedBindings();

    /** Every accepted binding, in the order the API server carried them out. */
    List<AcceptedBinding> bindingLog();

    /** The next {@code count} pod evictions answer 500 and evict nothing. */
    void failNextEvictions(int count);

    /** The next {@code count} pod evictions are carried out but answer 404, as when someone else deleted the pod first. */
    void raceNextEvictions(int count);

    /** Pod eviction requests for {@code namespace/name}, carried out, refused or not. */
    int evictionRequests(String namespace, String name);

    /** Pod evictions the API server carried out, by {@code namespace/name}: the last one of each name. */
    Map<String, Evicted> evictions();

    /**
     * Open watches, and those opened until the next {@link #dropWatches()} or {@link #expireWatches()}, stop
     * delivering events, as on a broken connection nobody noticed yet.
     */
    void silenceWatches();

    /** Every open watch is closed without a word, as by a broken connection: clients must watch again. Ends a silence. */
    void dropWatches();

    /** Every open watch ends with 410 Gone: informers relist. Ends a silence. */
    void expireWatches();

    /** How many times open watches were expired or dropped. */
    int watchesDropped();

    /**
     * From now on, every Lease request from the client (by its User-Agent) answers 500 and reaches nothing,
     * while its other requests go through: a leader that can no longer renew its lease.
     */
    void cutOffLeases(String client);
}
