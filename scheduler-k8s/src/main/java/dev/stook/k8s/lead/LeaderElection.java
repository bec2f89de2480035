package dev.stook.k8s.lead;

import dev.stook.k8s.client.CallerRetries;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Competes for a coordination.k8s.io Lease. {@code onElected} runs once when this instance first leads;
 * {@code onLost} runs once when it stops leading after having led: when fabric8 says so, or when the
 * {@link LeaseFence} closes because no renewal succeeded within the renew deadline, whichever comes first.
 * fabric8 may call its callbacks more than once, so both are guarded here. Stopping releases the lease so a
 * standby takes over at once.
 *
 * <p>The Lease's requests are not retried by the client, and each is given up after the renew deadline: the
 * election already tries again every retry period, and the client's retries with back-off would stretch one
 * failed renewal, or the release on stopping, far beyond the lease.
 */
public final class LeaderElection {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);

    private final KubernetesClient client;
    private final String namespace;
    private final String leaseName;
    private final String identity;
    private final Duration leaseDuration;
    private final Duration renewDeadline;
    private final Duration retryPeriod;
    private final LeaseFence fence;
    private final AtomicBoolean elected = new AtomicBoolean();
    private final AtomicBoolean lost = new AtomicBoolean();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "stook-lease-fence");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean leading;
    private volatile boolean stopping;
    private CompletableFuture<?> running;

    public LeaderElection(KubernetesClient client, String namespace, String leaseName, String identity,
                          Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
        this.client = CallerRetries.of(client, renewDeadline.toMillis());
        this.namespace = namespace;
        this.leaseName = leaseName;
        this.identity = identity;
        this.leaseDuration = leaseDuration;
        this.renewDeadline = renewDeadline;
        this.retryPeriod = retryPeriod;
        this.fence = new LeaseFence(renewDeadline.toNanos(), System::nanoTime);
    }

    public synchronized void start(Runnable onElected, Runnable onLost) {
        LeaderCallbacks callbacks = new LeaderCallbacks(
                () -> {
                    if (elected.compareAndSet(false, true)) {
                        leading = true;
                        LOG.info("{} leads: scheduling", identity);
                        onElected.run();
                    }
                },
                () -> lose(onLost, "lost the lease"),
                leader -> LOG.info("leader of {}/{}: {}", namespace, leaseName, leader));
        running = client.leaderElector().withConfig(new LeaderElectionConfigBuilder()
                        .withName(leaseName)
                        .withLock(new RenewalRecordingLock(new LeaseLock(namespace, leaseName, identity), fence))
                        .withLeaseDuration(leaseDuration)
                        .withRenewDeadline(renewDeadline)
                        .withRetryPeriod(retryPeriod)
                        .withReleaseOnCancel(true)
                        .withLeaderCallbacks(callbacks)
                        .build())
                .build().start();
        long checkMillis = Math.max(1, retryPeriod.toMillis() / 4);
        watchdog.scheduleWithFixedDelay(() -> {
            if (elected.get() && !fence.permits()) {
                lose(onLost, "could not renew the lease within the renew deadline (" + renewDeadline.toMillis()
                        + " ms)");
            }
        }, checkMillis, checkMillis, TimeUnit.MILLISECONDS);
    }

    private void lose(Runnable onLost, String why) {
        if (!elected.get() || !lost.compareAndSet(false, true)) {
            return;
        }
        fence.close();
        leading = false;
        if (stopping) {
            LOG.info("{} released the lease {}/{}", identity, namespace, leaseName);
            return;
        }
        LOG.warn("{} {} {}/{}: no more bindings or evictions are sent; exiting, as kube-scheduler does", identity,
                why, namespace, leaseName);
        onLost.run();
    }

    public boolean isLeading() {
        return leading && fence.permits();
    }

    /** Open while this instance may send bindings and evictions as the leader. */
    public LeaseFence fence() {
        return fence;
    }

    public String identity() {
        return identity;
    }

    /** Stops competing and, if leading, releases the lease. */
    public synchronized void stop() {
        stopping = true;
        watchdog.shutdownNow();
        if (running != null) {
            running.cancel(true);
            running = null;
        }
    }
}
