package dev.stook.k8s.bench;

import dev.stook.k8s.config.SchedulerConfig;
import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.ControlPlane;
import dev.stook.k8s.testing.real.RealServerAssumption;
import dev.stook.k8s.testing.real.StookAccess;
import io.fabric8.kubernetes.api.model.BindingBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import static dev.stook.k8s.testing.TestCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end binding on a real API server: 500 nodes and 2,000 pending pods exist before the contender
 * starts; the clock runs from its start (the scheduler process, or the first request of the raw loop)
 * to each pod seen bound by a separate watch. Contenders, each on a fresh control plane, in turn and
 * repeated: a raw loop that only POSTs the Bindings with as many in flight as Stook's binder allows (the
 * server's limit), the stock kube-scheduler from the same binaries with its client limits lifted, and
 * {@code stook run} with its default settings, both in processes of their own. Not part of the suite (see benchmarks/RESULTS.md for the command).
 */
class EndToEndBindingBenchmark {
    private static final int NODES = Integer.getInteger("bench.nodes", 500);
    private static final int PODS = Integer.getInteger("bench.pods", 2_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    /** {@code debug} writes a line per bound pod: what that costs is the difference to the default, {@code info}. */
    private static final String STOOK_LOG_LEVEL = System.getProperty("bench.stookLogLevel", "info");
    /**
     * Stook variants run in turn, {@code ;}-separated, each {@code label|jar|JVM options}: an empty jar runs
     * the test's class path (the code under test), a jar path a packaged {@code stook.jar} (another commit,
     * or class data sharing, which needs jars), and the options go before {@code -jar}/{@code -cp}.
     */
    private static final String STOOK_VARIANTS = System.getProperty("bench.stookVariants", "class path||");
    private static final int KUBE_SCHEDULER_QPS = 5_000;
    private static final int CREATORS = 16;

    private record Run(String contender, double startToFirstSeconds, double firstToLastSeconds, int bound) {
        double rate() {
            return (bound - 1) / firstToLastSeconds;
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
        for (String variant : STOOK_VARIANTS.split(";")) {
            String[] parts = variant.split("\\|", -1);
            assertThat(parts).as("bench.stookVariants entry " + variant).hasSize(3);
            contenders.add(new Stook(stookConfig, parts[0], parts[1], parts[2]));
        }
        List<Run> runs = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (Contender contender : contenders) {
                runs.add(measure(contender));
            }
        }
        System.out.printf("%nEnd to end on kube-apiserver %s: %d pods pending on %d nodes before each contender starts%n",
                "v1.20.2", PODS, NODES);
        System.out.printf("  %-34s %14s %16s %10s%n", "contender", "start->first s", "first->last s", "pods/s");
        for (Run run : runs) {
            System.out.printf("  %-34s %14.2f %16.2f %10.1f%n", run.contender(), run.startToFirstSeconds(),
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
            inParallel(CREATORS, PODS, i -> admin.pods().inNamespace(NAMESPACE).resource(TestCluster.pod("p" + i, "1")
                    .editSpec().withSchedulerName(contender.schedulerName()).endSpec().build()).create());
            try (BindTimes times = new BindTimes(admin, NAMESPACE, PODS)) {
                long start = System.nanoTime();
                try (AutoCloseable running = contender.start(plane)) {
                    assertThat(times.awaitAll(5)).as(contender.name() + " bound every pod").isTrue();
                }
                return new Run(contender.name(), (times.first() - start) / 1e9, (times.last() - times.first()) / 1e9,
                        times.bound());
            }
        }
    }

    private static void inParallel(int threads, int count, IntConsumer task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        IntStream.range(0, count).forEach(i -> pool.execute(() -> task.accept(i)));
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
    }

    /** Binding POSTs for pods whose node is chosen round-robin, as many in flight as Stook's binder has. */
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
            inParallel(inFlight, PODS, i -> client.raw(base + "p" + i + "/binding", "POST", new BindingBuilder()
                    .withNewMetadata().withNamespace(NAMESPACE).withName("p" + i).endMetadata()
                    .withNewTarget().withKind("Node").withName("node-" + i % NODES).endTarget().build()));
            return client;
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
    private record Stook(SchedulerConfig config, String label, String jar, String jvmOptions) implements Contender {
        @Override
        public String name() {
            return "Stook " + label + ", log " + STOOK_LOG_LEVEL;
        }

        @Override
        public String schedulerName() {
            return "stook";
        }

        @Override
        public AutoCloseable start(ControlPlane plane) throws Exception {
            return new StookProcess(plane, config.namespace(), label, jar, jvmOptions, STOOK_LOG_LEVEL);
        }
    }
}
