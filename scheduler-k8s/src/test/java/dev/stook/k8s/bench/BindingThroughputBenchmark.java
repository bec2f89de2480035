package dev.stook.k8s.bench;

import dev.stook.k8s.config.SchedulerConfigLoader;
import dev.stook.k8s.loop.SchedulerProcess;
import dev.stook.k8s.testing.MockCluster;
import io.fabric8.kubernetes.api.model.BindingBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static dev.stook.k8s.testing.MockCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * End-to-end binding throughput against the fabric8 mock API server: 2,000 pods on 500 nodes, from the
 * first pod creation to the last pod seen bound, compared with a loop that only POSTs 2,000 Bindings to
 * the same mock with the same concurrency (what the API side can take). Not part of the test suite; run:
 * {@code mvn -B -ntp -q -pl scheduler-core,scheduler-k8s -am verify -Dtest=BindingThroughputBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
class BindingThroughputBenchmark {
    private static final int NODES = 500;
    private static final int PODS = 2_000;
    private static final int CONCURRENCY = 16;
    private static final String CONFIG = """
            healthPort: 0
            namespace: stook-system
            bindConcurrency: %d
            """.formatted(CONCURRENCY);

    @Test
    void stookEndToEndAgainstBareBindingPosts() throws Exception {
        double stook = stookPodsPerSecond();
        double bare = bareBindingsPerSecond();
        System.out.printf("%nEnd-to-end binding throughput, %d pods on %d nodes, %d bindings in flight:%n"
                + "  stook run, creation -> bound : %8.1f pods/s%n"
                + "  bare Binding POST loop       : %8.1f bindings/s%n"
                + "  ratio stook / bare           : %8.2f%n%n", PODS, NODES, CONCURRENCY, stook, bare, stook / bare);
    }

    private double stookPodsPerSecond() throws Exception {
        try (MockCluster cluster = new MockCluster()) {
            addNodes(cluster);
            SchedulerProcess scheduler = cluster.startScheduler(SchedulerConfigLoader.parse(CONFIG, "benchmark"));
            await().atMost(Duration.ofMinutes(2)).until(() -> scheduler.isLeading()
                    && scheduler.cluster().nodeCount() == NODES);
            CountDownLatch allBound = new CountDownLatch(PODS);
            Set<String> bound = ConcurrentHashMap.newKeySet();
            SharedIndexInformer<Pod> watch = cluster.client().pods().inNamespace(NAMESPACE).inform(new ResourceEventHandler<>() {
                @Override
                public void onAdd(Pod pod) {
                    count(pod);
                }

                @Override
                public void onUpdate(Pod before, Pod after) {
                    count(after);
                }

                @Override
                public void onDelete(Pod pod, boolean unknown) {
                }

                private void count(Pod pod) {
                    if (pod.getSpec().getNodeName() != null && bound.add(pod.getMetadata().getName())) {
                        allBound.countDown();
                    }
                }
            });
            long start = System.nanoTime();
            inParallel(i -> cluster.create("p" + i, "1"));
            assertThat(allBound.await(5, TimeUnit.MINUTES)).isTrue();
            double seconds = (System.nanoTime() - start) / 1e9;
            watch.stop();
            return PODS / seconds;
        }
    }

    private double bareBindingsPerSecond() throws Exception {
        try (MockCluster cluster = new MockCluster()) {
            addNodes(cluster);
            IntStream.range(0, PODS).parallel().forEach(i ->
                    cluster.create(MockCluster.pod("p" + i, "1").editSpec().withSchedulerName("nobody").endSpec()));
            String base = cluster.client().getMasterUrl().toString().replaceAll("/+$", "");
            long start = System.nanoTime();
            inParallel(i -> cluster.client().raw(base + "/api/v1/namespaces/" + NAMESPACE + "/pods/p" + i + "/binding",
                    "POST", new BindingBuilder().withNewMetadata().withNamespace(NAMESPACE).withName("p" + i).endMetadata()
                            .withNewTarget().withKind("Node").withName("node-" + i % NODES).endTarget().build()));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(cluster.dispatcher.acceptedBindings()).hasSize(PODS);
            return PODS / seconds;
        }
    }

    private static void addNodes(MockCluster cluster) {
        IntStream.range(0, NODES).parallel().forEach(i -> cluster.node("node-" + i, "32", "128Gi"));
    }

    private static void inParallel(java.util.function.IntConsumer task) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        IntStream.range(0, PODS).forEach(i -> pool.execute(() -> task.accept(i)));
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
    }
}
