package dev.stook.k8s.loop;

import dev.stook.k8s.admit.AdmissionSeal;
import dev.stook.core.cycle.Scheduler;
import dev.stook.core.cycle.SchedulingObserver;
import dev.stook.core.locality.ChunkSet;
import dev.stook.core.model.PodId;
import dev.stook.k8s.bind.BindRequest;
import dev.stook.k8s.bind.BindResult;
import dev.stook.k8s.bind.Backoff;
import dev.stook.k8s.status.EventRateLimiter;
import dev.stook.k8s.status.EventRepeats;
import dev.stook.k8s.status.EventRecorder;
import dev.stook.k8s.status.PodConditionWriter;
import dev.stook.k8s.status.StatusReporter;
import dev.stook.k8s.testing.TestCluster;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.stook.k8s.testing.TestCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Learned locality trusts only pods this scheduler bound: anyone may create a pod already on a node that
 * claims any chunks, naming Stook or another scheduler. The scheduling loop is driven through a cache the
 * test fills; a pod that succeeds leaves the pods it shows and joins the succeeded ones, as with Stook's two
 * pod informers ({@code LearnedLocalityEndToEndTest} shows them on a real API server).
 */
class LearnedLocalityTrustTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Cache cache = new Cache();
    private final Inbox inbox = new Inbox();
    private final BlockingQueue<BindRequest> bindings = new LinkedBlockingQueue<>();

    @Test
    void onlyPodsThisSchedulerBoundTeachWhereDataIs() throws InterruptedException {
        cache.add(node("n1"));
        cache.add(node("n2"));
        cache.add(reading("theirs", "ds:100-109").editSpec().withSchedulerName("other").withNodeName("n2").endSpec());
        cache.add(reading("placed-by-its-creator", "ds:200-209").editSpec().withNodeName("n2").endSpec());
        // Status writes go nowhere: the test is about what the loop learns.
        KubernetesClient nowhere = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder().withMasterUrl("http://127.0.0.1:1").build()).build();
        StatusReporter status = new StatusReporter(cache, new PodConditionWriter(nowhere, cache, new Backoff(50, 50)),
                new EventRecorder(nowhere, new EventRepeats(0, System::currentTimeMillis),
                        new EventRateLimiter(1, 1, System::currentTimeMillis), "test", "test"));
        SchedulingLoop loop = new SchedulingLoop(TestCluster.testConfig(), cache, new AdmissionSeal(new byte[32]),
                inbox, bindings::add, eviction -> {}, status, new ActiveQueueConfig(), yaml -> {}, new IgnoreCycles(),
                applied -> {});
        Thread thread = new Thread(loop, "test-scheduler");
        thread.start();
        loop.lead();
        try (nowhere; status) {
            await().atMost(PATIENCE).until(() -> loop.cluster().placedPodCount() == 2);
            cache.add(reading("mine", "ds:0-9"));
            inbox.podChanged(id("mine"));
            BindRequest binding = bindings.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(binding).isNotNull();
            cache.add(new PodBuilder(cache.pod(id("mine")).orElseThrow()).editSpec().withNodeName(binding.nodeName())
                    .endSpec());
            inbox.bindFinished(new BindResult(binding.pod(), binding.uid(), binding.nodeName(),
                    BindResult.Outcome.BOUND, ""));
            inbox.podChanged(id("mine"));
            await().atMost(PATIENCE).until(() -> loop.cluster().placedPodCount() == 3);

            for (String name : List.of("theirs", "placed-by-its-creator", "mine")) {
                cache.succeed(id(name));
                inbox.podChanged(id(name));
            }

            await().atMost(PATIENCE).until(() -> !loop.cluster().cachedChunks(binding.nodeName()).isEmpty());
            assertThat(loop.cluster().cachedChunks(binding.nodeName())).isEqualTo(ChunkSet.parse("ds:0-9"));
            assertThat(loop.cluster().cachedChunks("n2")).isEqualTo(binding.nodeName().equals("n2")
                    ? ChunkSet.parse("ds:0-9") : ChunkSet.EMPTY);
        } finally {
            loop.stop();
            thread.join();
        }
    }

    private static PodBuilder reading(String name, String chunks) {
        return TestCluster.pod(name, "100m").editMetadata().withUid("uid-" + name)
                .addToAnnotations("stook.dev/data-chunks", chunks).endMetadata();
    }

    private static Node node(String name) {
        return new NodeBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewStatus().addToAllocatable("cpu", new Quantity("8")).addToAllocatable("memory", new Quantity("32Gi"))
                .addToAllocatable("pods", new Quantity("110"))
                .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus().build();
    }

    private static PodId id(String name) {
        return new PodId(NAMESPACE, name);
    }

    /** An informer cache as the test says; a pod that succeeds moves to the succeeded ones, as with Stook's. */
    private static final class Cache extends EmptyClusterCache {
        private final Map<PodId, Pod> pods = new ConcurrentHashMap<>();
        private final Map<String, Node> nodes = new ConcurrentHashMap<>();
        private final Map<PodId, Pod> succeeded = new ConcurrentHashMap<>();

        void add(PodBuilder pod) {
            Pod built = pod.build();
            pods.put(new PodId(built.getMetadata().getNamespace(), built.getMetadata().getName()), built);
        }

        void add(Node node) {
            nodes.put(node.getMetadata().getName(), node);
        }

        void succeed(PodId id) {
            Pod ended = pods.remove(id);
            succeeded.put(id, new PodBuilder(ended).editOrNewStatus().withPhase("Succeeded").endStatus().build());
        }

        @Override
        public Optional<Pod> pod(PodId id) {
            return Optional.ofNullable(pods.get(id));
        }

        @Override
        public List<Pod> pods() {
            return List.copyOf(pods.values());
        }

        @Override
        public Optional<Pod> succeededPod(PodId id) {
            return Optional.ofNullable(succeeded.get(id));
        }

        @Override
        public Optional<Node> node(String name) {
            return Optional.ofNullable(nodes.get(name));
        }

        @Override
        public List<Node> nodes() {
            return List.copyOf(nodes.values());
        }
    }

    private static final class IgnoreCycles implements SchedulingObserver {
        @Override
        public void cycleFinished(Scheduler scheduler, List<dev.stook.core.cycle.Decision> decisions, long nowMillis,
                                  long durationNanos) {
        }

        @Override
        public void stateChanged(Scheduler scheduler, long nowMillis) {
        }
    }
}
