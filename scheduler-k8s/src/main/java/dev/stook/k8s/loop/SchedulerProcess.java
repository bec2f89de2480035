package dev.stook.k8s.loop;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cycle.SchedulingObserver;
import dev.stook.core.explain.PodExplanation;
import dev.stook.core.model.PodId;
import dev.stook.core.overview.RecentActivity;
import dev.stook.k8s.admit.AdmissionKey;
import dev.stook.k8s.admit.AdmissionSeal;
import dev.stook.k8s.auth.AccessRule;
import dev.stook.k8s.bind.Backoff;
import dev.stook.k8s.bind.Binder;
import dev.stook.k8s.config.SchedulerConfig;
import dev.stook.k8s.evict.Evictor;
import dev.stook.k8s.explain.ExplainAccess;
import dev.stook.k8s.explain.ExplainHandler;
import dev.stook.k8s.health.SecurePort;
import dev.stook.k8s.lead.LeaderElection;
import dev.stook.k8s.metrics.StookMetrics;
import dev.stook.k8s.startup.StartupLog;
import dev.stook.k8s.startup.StartupThread;
import dev.stook.k8s.status.EventRateLimiter;
import dev.stook.k8s.status.EventRecorder;
import dev.stook.k8s.status.EventRepeats;
import dev.stook.k8s.status.PodConditionWriter;
import dev.stook.k8s.status.StatusReporter;
import dev.stook.k8s.tls.ServingCertificate;
import dev.stook.k8s.ui.OverviewHandler;
import dev.stook.k8s.ui.PageHandler;
import dev.stook.k8s.version.BuildInfo;
import dev.stook.k8s.watch.ClusterInformers;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javax.net.ssl.SSLContext;

/**
 * One running scheduler: informers, health endpoints, {@code /metrics} and the scheduling thread from the
 * start (a standby keeps warm caches and cluster state, and reports {@code stook_leader 0}); the thread
 * decides only once this process holds the lease.
 * Losing the lease ends the process, as kube-scheduler does; {@link #close()} shuts down gracefully.
 */
public final class SchedulerProcess implements AutoCloseable {
    public static final int EXIT_OK = 0;
    public static final int EXIT_LEADERSHIP_LOST = 3;
    public static final int EXIT_SCHEDULER_FAILED = 4;
    /** Longer than a slow cycle: the question is answered between cycles. */
    private static final long EXPLAIN_TIMEOUT_MILLIS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerProcess.class);

    private final SchedulerConfig config;
    private final KubernetesClient client;
    private final Inbox inbox = new Inbox();
    private final ClusterInformers informers;
    private final StatusReporter status;
    private final Binder binder;
    private final Evictor evictor;
    private final LeaderElection election;
    private final SchedulingLoop loop;
    private final CompletableFuture<SSLContext> tls;
    private final CompletableFuture<Void> checks;
    private final CompletableFuture<byte[]> admissionKey;
    private final ActiveQueueConfig activeQueues = new ActiveQueueConfig();
    private final LastGoodQueueConfig lastGoodQueues;
    private final RecentActivity activity = new RecentActivity();
    private final BuildInfo build = BuildInfo.current();
    private final StookMetrics metrics = new StookMetrics(build);
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private SecurePort health;
    private Thread schedulingThread;
    private volatile boolean closing;

    public SchedulerProcess(KubernetesClient client, SchedulerConfig config, String identity) {
        this(client, config, identity, CompletableFuture.completedFuture(null));
    }

    /**
     * @param checks the start-up checks ({@code Preflight}), which may still be running: the informers start
     *               meanwhile, but the lease is sought, the admission key read and the health port opened only
     *               once they have passed, so a cluster not ready for Stook is reported before it acts
     * @throws IllegalArgumentException when the configured serving certificate cannot be used
     */
    public SchedulerProcess(KubernetesClient client, SchedulerConfig config, String identity,
                            CompletableFuture<Void> checks) {
        this.config = config;
        this.client = client;
        this.checks = checks;
        this.tls = ServingCertificate.prepare(config.tlsCertFile(), config.tlsPrivateKeyFile());
        this.admissionKey = checks.thenApplyAsync(passed -> AdmissionKey.loadOrCreate(client, config.namespace()),
                StartupThread.named("stook-admission-key"));
        AdmissionSeal seal = new AdmissionSeal(admissionKey);
        Backoff backoff = new Backoff(config.bindBackoffInitialMillis(), config.bindBackoffMaxMillis());
        String lastGoodName = LastGoodQueueConfig.nameFor(config.queueConfigMap());
        this.informers = new ClusterInformers(client, config.namespace(), config.queueConfigMap(), lastGoodName,
                config.schedulerName(), inbox, !config.defaultSpread().constraints().isEmpty(),
                config.podGroupCrdCheckMillis());
        this.lastGoodQueues = new LastGoodQueueConfig(client, config.namespace(), lastGoodName);
        this.status = new StatusReporter(informers, new PodConditionWriter(client, informers, backoff),
                new EventRecorder(client, new EventRepeats(config.eventPerObjectIntervalMillis(), System::currentTimeMillis),
                        new EventRateLimiter(config.eventsPerSecond(), config.eventBurst(), System::currentTimeMillis),
                        "stook.dev/" + config.schedulerName(), identity));
        this.election = new LeaderElection(client, config.namespace(), config.leaseName(), identity,
                Duration.ofMillis(config.leaseDurationMillis()), Duration.ofMillis(config.renewDeadlineMillis()),
                Duration.ofMillis(config.retryPeriodMillis()));
        this.binder = new Binder(client, election.fence(), informers, seal, config.bindConcurrency(),
                config.volumeBindTimeoutMillis(), inbox::bindFinished,
                metrics.bindings());
        this.evictor = new Evictor(client, election.fence(), informers, status, config.evictConcurrency(),
                config.evictAttempts(), backoff, metrics.countingRefusals(inbox));
        this.loop = new SchedulingLoop(config, informers, seal, inbox, binder::bind, evictor::evict, status,
                activeQueues, lastGoodQueues, SchedulingObserver.all(metrics.cycles(), activity),
                metrics::queueConfigReloaded);
        metrics.leader(election::isLeading);
        LOG.info("{} starting as {}", build.describe(), identity);
        metrics.learnedLocality(loop.cluster().chunkIndex().learnedCache());
    }

    /**
     * Starts watching at once; once the start-up checks have passed, seeks the lease and waits for the admission
     * key, then opens the health port and starts the scheduling thread (which decides once caches and lease are
     * there). A failure after the lease was sought leaves the lease to {@link #close()} to release.
     *
     * @throws dev.stook.k8s.preflight.SetupProblem when the checks failed or the admission key cannot be used
     */
    public synchronized void start() throws IOException {
        informers.start().thenRun(() -> StartupLog.reached("caches synced"));
        StartupLog.reached("informers started");
        awaitStartupWork(checks);
        election.start(this::startScheduling, this::leadershipLost);
        awaitStartupWork(admissionKey);
        health = SecurePort.open(config.healthPort(), awaitStartupWork(tls), client, informers::hasSynced,
                build.fields());
        health.serve("/metrics", AccessRule.NON_RESOURCE_URL, metrics.scrapeHandler());
        health.serve(ExplainHandler.PATH, new ExplainAccess(),
                new ExplainHandler(this::explain, this::whyNotAnswering, EXPLAIN_TIMEOUT_MILLIS));
        health.serveOpen(PageHandler.PATH, new PageHandler());
        health.serve(OverviewHandler.PATH, AccessRule.AUTHENTICATED, new OverviewHandler(inbox, activity,
                health.namespaceVisibility(), this::whyNotAnswering, EXPLAIN_TIMEOUT_MILLIS));
        health.start();
        schedulingThread = new Thread(loop, "stook-scheduler");
        schedulingThread.setUncaughtExceptionHandler((thread, error) -> {
            LOG.error("the scheduling thread failed", error);
            exit.complete(EXIT_SCHEDULER_FAILED);
        });
        schedulingThread.start();
    }

    /** The task's result, or what it threw, unwrapped. */
    private static <T> T awaitStartupWork(CompletableFuture<T> work) {
        try {
            return work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException thrown) {
                throw thrown;
            }
            throw e;
        }
    }

    private void startScheduling() {
        StartupLog.reached("leading");
        loop.lead();
    }

    private void leadershipLost() {
        if (closing) {
            return;
        }
        loop.stop();
        exit.complete(EXIT_LEADERSHIP_LOST);
    }

    /** Completes with the exit code when leadership is lost, the scheduler fails, or the process is closed. */
    public CompletableFuture<Integer> exit() {
        return exit;
    }

    /**
     * Asks the scheduling thread why the pod is where it is. Completes on that thread between cycles; never
     * completes if this process is not scheduling, so callers wait with a timeout.
     */
    public CompletableFuture<PodExplanation> explain(PodId pod) {
        return inbox.ask(scheduler -> scheduler.explain(pod));
    }

    /** Why the scheduler cannot answer questions about its state now, or null when it can. */
    private String whyNotAnswering() {
        if (!isReady()) {
            return "not ready: the informer caches have not synced yet";
        }
        return isLeading() ? null : "not leading: this instance is a standby; ask the leader";
    }

    public boolean isLeading() {
        return election.isLeading();
    }

    public boolean isReady() {
        return informers.hasSynced();
    }

    public int healthPort() {
        return health.port();
    }

    /** The scheduling thread's cluster state, for observation. */
    public ClusterState cluster() {
        return loop.cluster();
    }

    public ActiveQueueConfig activeQueues() {
        return activeQueues;
    }

    /**
     * Stops deciding, lets bindings and evictions in progress finish (bounded; eviction retries not yet due
     * are dropped), releases the lease, stops watching.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        loop.stop();
        Thread thread;
        synchronized (this) {
            thread = schedulingThread;
        }
        long deadline = System.currentTimeMillis() + config.shutdownTimeoutMillis();
        try {
            if (thread != null) {
                thread.join(Math.max(1, config.shutdownTimeoutMillis()));
            }
            if (!binder.shutdown(Math.max(0, deadline - System.currentTimeMillis()))) {
                LOG.warn("bindings still in flight at shutdown; the new leader will see them through the watch");
            }
            if (!evictor.shutdown(Math.max(0, deadline - System.currentTimeMillis()))) {
                LOG.warn("evictions still in progress at shutdown; the new leader decides afresh");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        election.stop();
        lastGoodQueues.close();
        status.close();
        informers.close();
        if (health != null) {
            health.close();
        }
        metrics.close();
        exit.complete(EXIT_OK);
    }
}
