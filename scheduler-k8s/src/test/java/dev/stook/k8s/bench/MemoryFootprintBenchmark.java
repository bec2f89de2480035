package dev.stook.k8s.bench;

import dev.stook.k8s.config.SchedulerConfig;
import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.ControlPlane;
import dev.stook.k8s.testing.real.RealServerAssumption;
import dev.stook.k8s.testing.real.StookAccess;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static dev.stook.k8s.testing.TestCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heap and resident memory of {@code stook run} holding a cluster: nodes and pods bound to them (each pod as
 * a Job's would be: image, command, environment, a mounted ConfigMap, a probe; the server adds managed
 * fields) exist before it starts; once it has rebuilt its state from the caches, a full GC, then the heap in use after it
 * ({@code jcmd GC.heap_info}) and the process's RSS. One control plane, the Stook variants in turn.
 * Not part of the suite (see benchmarks/RESULTS.md for the command); Stook variants as {@link StookVariant}
 * reads them.
 */
class MemoryFootprintBenchmark {
    private static final int NODES = Integer.getInteger("bench.nodes", 500);
    private static final int PODS = Integer.getInteger("bench.pods", 5_000);
    private static final int CREATORS = 16;
    private static final Duration PATIENCE = Duration.ofMinutes(10);
    /** A heap's line in {@code GC.heap_info}: one for G1, one per generation for the serial and parallel collectors. */
    private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");
    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");
    /** Lines of the class histogram printed per variant: header and the largest classes. */
    private static final int HISTOGRAM_LINES = 15;

    private record Footprint(String variant, long heapUsedKb, long heapCommittedKb, long rssKb) {}

    @Test
    void heapAndRssHoldingTheCluster() throws Exception {
        RealServerAssumption.check(getClass().getSimpleName());
        SchedulerConfig config = SchedulerConfig.DEFAULTS.withNamespace(TestCluster.SYSTEM_NAMESPACE);
        List<Footprint> footprints = new ArrayList<>();
        try (ControlPlane plane = ControlPlane.start(ControlPlane.Options.API_ONLY);
             KubernetesClient admin = plane.adminClient()) {
            StookAccess.grant(plane);
            inParallel(NODES, i -> admin.nodes().resource(new NodeBuilder().withNewMetadata()
                    .withName("node-" + i).withLabels(java.util.Map.of("kubernetes.io/hostname", "node-" + i))
                    .endMetadata().withNewStatus()
                    .addToAllocatable("cpu", new Quantity("64")).addToAllocatable("memory", new Quantity("512Gi"))
                    .addToAllocatable("pods", new Quantity("110"))
                    .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus().build()).create());
            long created = System.nanoTime();
            inParallel(PODS, i -> admin.pods().inNamespace(NAMESPACE).resource(jobPod(i)).create());
            System.out.printf("created %d nodes and %d pods in %.1f s%n", NODES, PODS, (System.nanoTime() - created) / 1e9);
            for (StookVariant variant : StookVariant.fromProperty()) {
                try (StookProcess stook = new StookProcess(plane, config.namespace(), variant, "info")) {
                    assertThat(stook.awaitLog("state rebuilt from the cluster", PATIENCE))
                            .as(variant.label() + " ran a cycle").isTrue();
                    Thread.sleep(2_000);
                    jcmd(variant, stook.pid(), "GC.run");
                    System.out.println(variant.label() + ", largest classes after a full GC:");
                    jcmd(variant, stook.pid(), "GC.class_histogram").lines().skip(1).limit(HISTOGRAM_LINES)
                            .forEach(line -> System.out.println("  " + line));
                    Matcher heap = HEAP_USED.matcher(jcmd(variant, stook.pid(), "GC.heap_info"));
                    long heapCommittedKb = 0;
                    long heapUsedKb = 0;
                    while (heap.find()) {
                        heapCommittedKb += Long.parseLong(heap.group(1));
                        heapUsedKb += Long.parseLong(heap.group(2));
                    }
                    assertThat(heapCommittedKb).as("GC.heap_info names the heap").isPositive();
                    Matcher rss = RSS.matcher(Files.readString(Path.of("/proc", String.valueOf(stook.pid()), "status")));
                    assertThat(rss.find()).isTrue();
                    footprints.add(new Footprint(variant.label(), heapUsedKb, heapCommittedKb, Long.parseLong(rss.group(1))));
                }
            }
        }
        System.out.printf("%nMemory of stook run holding %d nodes and %d pods (kube-apiserver v1.20.2)%n", NODES, PODS);
        System.out.printf("  %-40s %14s %18s %10s %16s%n", "variant", "heap used MB", "heap committed MB", "RSS MB",
                "heap B per pod");
        for (Footprint f : footprints) {
            System.out.printf("  %-40s %14.1f %18.1f %10.1f %16d%n", f.variant(), f.heapUsedKb() / 1024.0,
                    f.heapCommittedKb() / 1024.0, f.rssKb() / 1024.0, f.heapUsedKb() * 1024 / PODS);
        }
    }

    /** A pod as a Job's controller would create it, already bound. */
    private static Pod jobPod(int i) {
        return new PodBuilder().withNewMetadata().withNamespace(NAMESPACE).withName("job-" + i / 8 + "-" + i % 8)
                .withLabels(java.util.Map.of("job-name", "job-" + i / 8, "controller-uid", "c-" + i / 8))
                .addNewOwnerReference().withApiVersion("batch/v1").withKind("Job").withName("job-" + i / 8)
                .withUid("00000000-0000-0000-0000-" + String.format("%012d", i / 8)).withController(true)
                .endOwnerReference().endMetadata()
                .withNewSpec().withSchedulerName("stook").withNodeName("node-" + i % NODES).withRestartPolicy("Never")
                .addNewContainer().withName("main").withImage("registry.example.com/team/trainer:2026.11.3")
                .withCommand("python", "-m", "trainer.main", "--epochs=90", "--data=/data")
                .addNewEnv().withName("JOB_INDEX").withValue(String.valueOf(i % 8)).endEnv()
                .addNewEnv().withName("DATASET").withValue("imagenet").endEnv()
                .addNewEnv().withName("LOG_LEVEL").withValue("info").endEnv()
                .addNewEnv().withName("POD_NAME").withNewValueFrom().withNewFieldRef().withFieldPath("metadata.name")
                .endFieldRef().endValueFrom().endEnv()
                .addNewVolumeMount().withName("config").withMountPath("/etc/trainer").endVolumeMount()
                .withNewReadinessProbe().withNewHttpGet().withPath("/ready").withNewPort(8080).endHttpGet().endReadinessProbe()
                .withNewResources().addToRequests("cpu", new Quantity("500m")).addToRequests("memory", new Quantity("1Gi"))
                .addToLimits("memory", new Quantity("1Gi")).endResources().endContainer()
                .addNewVolume().withName("config").withNewConfigMap().withName("trainer-config").endConfigMap().endVolume()
                .endSpec().build();
    }

    /** The variant's own JDK's {@code jcmd}: one of another JDK may not attach. */
    private static String jcmd(StookVariant variant, long pid, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(variant.java()).resolveSibling("jcmd").toString(),
                String.valueOf(pid), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        assertThat(jcmd.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    private static void inParallel(int count, IntConsumer task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(CREATORS);
        IntStream.range(0, count).forEach(i -> pool.execute(() -> task.accept(i)));
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.MINUTES)).isTrue();
    }
}
