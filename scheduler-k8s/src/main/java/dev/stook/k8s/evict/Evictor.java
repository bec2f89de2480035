package dev.stook.k8s.evict;

import dev.stook.k8s.bind.Backoff;
import dev.stook.k8s.client.CallerRetries;
import dev.stook.k8s.lead.LeaseFence;
import dev.stook.k8s.logging.LogFields;
import dev.stook.k8s.status.StatusReporter;
import dev.stook.k8s.translate.PodTranslator;
import dev.stook.k8s.watch.ClusterCache;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Carries out evictions on a fixed pool, so at most {@code concurrency} are in progress and the scheduling
 * thread only enqueues. Per victim: mark it {@code DisruptionTarget} (a failure there does not stop the
 * eviction), evict it through the Eviction API, then record a {@code Preempted} Event. An eviction a
 * disruption budget refuses (429) is never forced by a delete: the victim gets a {@code FailedPreemption}
 * Event, the engine is told (the waiting unit's condition says why it still waits), and it is tried again
 * later. Refused and failed evictions are retried here, not by the client, with backoff up to {@code attempts} times in all, then
 * given up, so the engine may choose again; it keeps counting the victim until the watch shows it gone,
 * whatever happens here. Nothing is written once the {@link LeaseFence} has closed: evictions still
 * queued or waiting for a retry then are dropped, and the next leader decides afresh.
 */
public final class Evictor {
    private static final Logger LOG = LoggerFactory.getLogger(Evictor.class);

    private final ClusterCache cache;
    private final LeaseFence fence;
    private final DisruptionTargetWriter disruptionTarget;
    private final PodEvicter evicter;
    private final StatusReporter status;
    private final Backoff backoff;
    private final int attempts;
    private final EvictionFeedback feedback;
    private final ScheduledThreadPoolExecutor pool;

    public Evictor(KubernetesClient client, LeaseFence fence, ClusterCache cache, StatusReporter status,
                   int concurrency, int attempts, Backoff backoff, EvictionFeedback feedback) {
        this.cache = cache;
        this.fence = fence;
        this.feedback = feedback;
        this.disruptionTarget = new DisruptionTargetWriter(client);
        this.evicter = new PodEvicter(CallerRetries.of(client));
        this.status = status;
        this.backoff = backoff;
        this.attempts = attempts;
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ScheduledThreadPoolExecutor(concurrency, task -> {
            Thread thread = new Thread(task, "stook-evictor-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    public void evict(Eviction eviction) {
        submit(eviction, 1, 0);
    }

    private void submit(Eviction eviction, int attempt, long delayMillis) {
        try {
            pool.schedule(() -> attempt(eviction, attempt), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.atInfo().addKeyValue(LogFields.POD, LogFields.nameOf(eviction.victim()))
                    .log("eviction dropped at shutdown; the next leader decides afresh");
        }
    }

    private void attempt(Eviction eviction, int attempt) {
        Optional<Pod> current = cache.pod(PodTranslator.idOf(eviction.victim()))
                .filter(pod -> eviction.uid().equals(pod.getMetadata().getUid()));
        if (current.isEmpty()) {
            LOG.atDebug().addKeyValue(LogFields.POD, LogFields.nameOf(eviction.victim())).log("victim is already gone");
            return;
        }
        Pod victim = current.get();
        if (!fence.permits()) {
            dropped(eviction);
            return;
        }
        if (!DisruptionTargetWriter.isMarked(victim)) {
            try {
                disruptionTarget.mark(victim, eviction.message());
            } catch (KubernetesClientException e) {
                LOG.atWarn().addKeyValue(LogFields.POD, LogFields.nameOf(eviction.victim()))
                        .log("DisruptionTarget condition not written ({} {}); evicting the victim anyway", e.getCode(),
                                e.getMessage());
            }
        }
        if (!fence.permits()) {
            dropped(eviction);
            return;
        }
        PodEvicter.Result result = evicter.evict(victim);
        switch (result.outcome()) {
            case EVICTED -> status.preempted(victim, eviction.reason(), eviction.message());
            case GONE -> LOG.atDebug().addKeyValue(LogFields.POD, LogFields.nameOf(eviction.victim()))
                    .log("victim was gone before its eviction ({})", result.detail());
            case REFUSED -> {
                feedback.refused(PodTranslator.idOf(victim), "the eviction of " + LogFields.nameOf(victim)
                        + " is refused for now, as its PodDisruptionBudget allows no disruption (" + result.detail()
                        + "); Stook tries again later");
                retryOrGiveUp(eviction, victim, attempt, "Stook may not evict this pod yet: its PodDisruptionBudget"
                        + " allows no disruption now (" + result.detail() + ")");
            }
            case FAILED -> retryOrGiveUp(eviction, victim, attempt,
                    "Stook could not evict this pod to make room (" + result.detail() + ")");
        }
    }

    private static void dropped(Eviction eviction) {
        LOG.atInfo().addKeyValue(LogFields.POD, LogFields.nameOf(eviction.victim()))
                .log("eviction dropped: this instance no longer holds the lease");
    }

    private void retryOrGiveUp(Eviction eviction, Pod victim, int attempt, String problem) {
        status.preemptionFailed(victim, problem + "; attempt " + attempt + " of " + attempts);
        if (attempt >= attempts) {
            LOG.atWarn().addKeyValue(LogFields.POD, LogFields.nameOf(eviction.victim()))
                    .log("giving up evicting the victim after {} attempts: {}; the waiting pods may look for room"
                            + " elsewhere", attempt, problem);
            feedback.abandoned(PodTranslator.idOf(eviction.victim()));
            return;
        }
        long delay = backoff.delayMillis(attempt);
        LOG.atWarn().addKeyValue(LogFields.POD, LogFields.nameOf(eviction.victim()))
                .log("{}; attempt {}, retrying in {} ms", problem, attempt, delay);
        submit(eviction, attempt + 1, delay);
    }

    /** Takes no new evictions, drops pending retries and waits up to the timeout for those in progress. */
    public boolean shutdown(long timeoutMillis) throws InterruptedException {
        pool.shutdown();
        return pool.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
    }
}
