package dev.stook.k8s.bench;

import dev.stook.k8s.config.SchedulerConfig;
import dev.stook.k8s.testing.PodVersions;
import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.ControlPlane;
import dev.stook.k8s.testing.real.RealServerAssumption;
import dev.stook.k8s.testing.real.StookAccess;
import io.fabric8.kubernetes.api.model.BindingBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import static dev.stook.k8s.testing.TestCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end binding on a real API server, 500 nodes and 2,000 pods, each seen bound by a separate watch.
 * Workloads ({@code -Dbench.workload}): {@code pending}, lone pods that exist before the contender starts,
 * the clock running from its start (the scheduler process, or the first request of the raw loop);
 * {@code gangs}, the same pods in gangs of 100 that Stook must admit whole; {@code stream}, pods created as
 * fast as the server takes them once the contender has bound a first pod, each timed from its create
 * request to seen bound. Contenders, each on a fresh control plane, in turn and repeated: raw Binding POSTs
 * with as many in flight as Stook's binder allows (the server's limit; for a stream, posted as a watch
 * sees each pod), the stock kube-scheduler from the same binaries with its client limits lifted, and
 * {@code stook run} with its default settings (each {@link StookVariant}), both in processes of their own.
 * Not part of the suite (see benchmarks/RESULTS.md for the command).
 */
class EndToEndBindingBenchmark {
    private static final int NODES = Integer.getInteger("bench.nodes", 500);
    private static final int PODS = Integer.getInteger("bench.pods", 2_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    /** {@code debug} writes a line per bound pod: what that costs is the difference to the default, {@code info}. */
    private static final String STOOK_LOG_LEVEL = System.getProperty("bench.stookLogLevel", "info");
    private static final Workload WORKLOAD = Workload.valueOf(
            System.getProperty("bench.workload", "pending").toUpperCase(Locale.ROOT));
    private static final int GANG_SIZE = 100;
    private static final String WARM_UP_POD = "warm-up";
    private static final int KUBE_SCHEDULER_QPS = 5_000;
    private static final int CREATORS = 16;

    private enum Workload { PENDING, GANGS, STREAM }

    /** @param createdPerSecond the stream's creation rate, 0 for pods created beforehand
     *  @param latenciesMillis creation to seen bound per pod, sorted; empty for pods created beforehand */
    private record Run(String contender, double startToFirstSeconds, double firstToLastSeconds, int bound,
                       double createdPerSecond, double[] latenciesMillis) {
        double rate() {
            return (bound - 1) / firstToLastSeconds;
        }

        double latencyPercentile(double percent) {
            return latenciesMillis[Math.min(latenciesMillis.length - 1,
                    (int) Math.ceil(percent / 100 * latenciesMillis.length) - 1)];
        }
    }

    private interface Contender {
        String name();

        String schedulerName();

        /** Starts binding the pending pods; returns what must be closed when the run ends. */
        AutoCloseable start(ControlPlane plane) throws Exception;
    }

    @Test
    void rawBindingsKubeSchedulerAndStookOnTheSameServer() throws Exception {
        RealServerAssumption.check(getClass().getSimpleName());
        SchedulerConfig stookConfig = SchedulerConfig.DEFAULTS.withNamespace(TestCluster.SYSTEM_NAMESPACE);
        List<Contender> contenders = new ArrayList<>(List.of(new RawBindings(stookConfig.bindConcurrency()),
                new KubeScheduler()));
        for (StookVariant variant : StookVariant.fromProperty()) {
            contenders.add(new Stook(stookConfig, variant));
        }
        List<Run> runs = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (Contender contender : contenders) {
                runs.add(measure(contender));
            }
        }
        System.out.printf("%nEnd to end on kube-apiserver %s, workload %s: %d pods on %d nodes%n",
                "v1.20.2", WORKLOAD.name().toLowerCase(Locale.ROOT), PODS, NODES);
        if (WORKLOAD == Workload.STREAM) {
            System.out.printf("  %-40s %12s %10s %10s %10s %10s%n", "contender", "created/s", "bound/s",
                    "p50 ms", "p99 ms", "max ms");
            for (Run run : runs) {
                System.out.printf("  %-40s %12.1f %10.1f %10.0f %10.0f %10.0f%n", run.contender(),
                        run.createdPerSecond(), run.rate(), run.latencyPercentile(50), run.latencyPercentile(99),
                        run.latencyPercentile(100));
            }
            return;
        }
        System.out.printf("  %-40s %14s %16s %10s%n", "contender", "start->first s", "first->last s", "pods/s");
        for (Run run : runs) {
            System.out.printf("  %-40s %14.2f %16.2f %10.1f%n", run.contender(), run.startToFirstSeconds(),
                    run.firstToLastSeconds(), run.rate());
        }
    }

    private static Run measure(Contender contender) throws Exception {
        try (ControlPlane plane = ControlPlane.start(ControlPlane.Options.API_ONLY);
             KubernetesClient admin = plane.adminClient()) {
            StookAccess.grant(plane);
            inParallel(CREATORS, NODES, i -> admin.nodes().resource(new NodeBuilder().withNewMetadata()
                    .withName("node-" + i).endMetadata().withNewStatus()
                    .addToAllocatable("cpu", new Quantity("32")).addToAllocatable("memory", new Quantity("128Gi"))
                    .addToAllocatable("pods", new Quantity("110"))
                    .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus().build()).create());
            return WORKLOAD == Workload.STREAM ? measureStream(contender, plane, admin)
                    : measurePending(contender, plane, admin);
        }
    }

    private static Run measurePending(Contender contender, ControlPlane plane, KubernetesClient admin) throws Exception {
        inParallel(CREATORS, PODS, i -> create(admin, contender, "p" + i, i));
        try (BindTimes times = new BindTimes(admin, NAMESPACE, PODS)) {
            long start = System.nanoTime();
            try (AutoCloseable running = contender.start(plane)) {
                assertThat(times.awaitAll(5)).as(contender.name() + " bound every pod").isTrue();
            }
            return new Run(contender.name(), (times.first() - start) / 1e9, (times.last() - times.first()) / 1e9,
                    times.bound(), 0, new double[0]);
        }
    }

    /** The contender first binds one pod (so it is up and leading); then the pods come as fast as they are created. */
    private static Run measureStream(Contender contender, ControlPlane plane, KubernetesClient admin) throws Exception {
        try (BindTimes times = new BindTimes(admin, NAMESPACE, PODS + 1)) {
            long start = System.nanoTime();
            try (AutoCloseable running = contender.start(plane)) {
                create(admin, contender, WARM_UP_POD, -1);
                while (times.boundAt(WARM_UP_POD) == null) {
                    assertThat(System.nanoTime() - start).as(contender.name() + " bound a first pod")
                            .isLessThan(TimeUnit.MINUTES.toNanos(5));
                    Thread.sleep(10);
                }
                long[] createdAt = new long[PODS];
                long streamStart = System.nanoTime();
                inParallel(CREATORS, PODS, i -> {
                    createdAt[i] = System.nanoTime();
                    create(admin, contender, "p" + i, i);
                });
                double createdPerSecond = PODS / ((System.nanoTime() - streamStart) / 1e9);
                assertThat(times.awaitAll(5)).as(contender.name() + " bound every pod").isTrue();
                double[] latencies = IntStream.range(0, PODS)
                        .mapToDouble(i -> (times.boundAt("p" + i) - createdAt[i]) / 1e6).sorted().toArray();
                long firstOfStream = IntStream.range(0, PODS).mapToLong(i -> times.boundAt("p" + i)).min().orElseThrow();
                return new Run(contender.name(), (times.boundAt(WARM_UP_POD) - start) / 1e9,
                        (times.last() - firstOfStream) / 1e9, PODS, createdPerSecond, latencies);
            }
        }
    }

    /** A pod of the workload; in gangs, pod {@code index} belongs to gang {@code index / GANG_SIZE}. */
    private static void create(KubernetesClient admin, Contender contender, String name, int index) {
        PodBuilder pod = TestCluster.pod(name, "1").editSpec().withSchedulerName(contender.schedulerName()).endSpec();
        if (WORKLOAD == Workload.GANGS) {
            pod.editMetadata().addToAnnotations("stook.dev/gang", "gang-" + index / GANG_SIZE)
                    .addToAnnotations("stook.dev/gang-min-members", String.valueOf(GANG_SIZE)).endMetadata();
        }
        admin.pods().inNamespace(NAMESPACE).resource(pod.build()).create();
    }

    private static void inParallel(int threads, int count, IntConsumer task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        IntStream.range(0, count).forEach(i -> pool.execute(() -> task.accept(i)));
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
    }

    /**
     * Binding POSTs for pods whose node is chosen round-robin, as many in flight as Stook's binder has: for
     * pods created beforehand straight from their names, for a stream as a watch sees each pod.
     */
    private record RawBindings(int inFlight) implements Contender {
        @Override
        public String name() {
            return "raw Binding POSTs, " + inFlight + " in flight";
        }

        @Override
        public String schedulerName() {
            return "nobody";
        }

        @Override
        public AutoCloseable start(ControlPlane plane) throws Exception {
            KubernetesClient client = new KubernetesClientBuilder().withConfig(plane.stookConfig()).build();
            String base = plane.apiServer() + "/api/v1/namespaces/" + NAMESPACE + "/pods/";
            AtomicInteger next = new AtomicInteger();
            Consumer<String> bind = name -> client.raw(base + name + "/binding", "POST", new BindingBuilder()
                    .withNewMetadata().withNamespace(NAMESPACE).withName(name).endMetadata()
                    .withNewTarget().withKind("Node").withName("node-" + next.getAndIncrement() % NODES).endTarget()
                    .build());
            if (WORKLOAD != Workload.STREAM) {
                inParallel(inFlight, PODS, i -> bind.accept("p" + i));
                return client;
            }
            ExecutorService binders = Executors.newFixedThreadPool(inFlight);
            Set<String> posted = ConcurrentHashMap.newKeySet();
            SharedIndexInformer<Pod> watch = PodVersions.inform(client.pods().inNamespace(NAMESPACE)
                    .withField("spec.schedulerName", schedulerName()), pod -> {
                        if (pod.getSpec().getNodeName() == null && posted.add(pod.getMetadata().getName())) {
                            binders.execute(() -> bind.accept(pod.getMetadata().getName()));
                        }
                    });
            return () -> {
                watch.stop();
                binders.shutdownNow();
                client.close();
            };
        }
    }

    private record KubeScheduler() implements Contender {
        @Override
        public String name() {
            return "kube-scheduler, client QPS " + KUBE_SCHEDULER_QPS;
        }

        @Override
        public String schedulerName() {
            return "default-scheduler";
        }

        @Override
        public AutoCloseable start(ControlPlane plane) throws Exception {
            plane.startKubeScheduler(KUBE_SCHEDULER_QPS);
            return () -> { };
        }
    }

    /** {@code stook run} in a JVM of its own ({@link StookProcess}). */
    private record Stook(SchedulerConfig config, StookVariant variant) implements Contender {
        @Override
        public String name() {
            return "Stook " + variant.label() + ", log " + STOOK_LOG_LEVEL;
        }

        @Override
        public String schedulerName() {
            return "stook";
        }

        @Override
        public AutoCloseable start(ControlPlane plane) throws Exception {
            return new StookProcess(plane, config.namespace(), variant, STOOK_LOG_LEVEL);
        }
    }
}
