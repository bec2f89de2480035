package dev.stook.k8s.loop;

import dev.stook.core.locality.ChunkSet;
import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.RealCluster;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static dev.stook.k8s.testing.TestCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On a real API server, a pod Stook bound that runs to success teaches where its data is. Stook's pod watch
 * leaves terminal pods out, and the API server shows a pod leaving it as deleted in its previous phase: the
 * success is seen only through the watch of succeeded pods.
 */
class LearnedLocalityEndToEndTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    @RegisterExtension
    final RealCluster cluster = new RealCluster();

    @Test
    void aPodStookBoundThatSucceedsTeachesWhereItsDataIs() {
        cluster.node("n1", "8", "32Gi");
        cluster.node("n2", "8", "32Gi");
        SchedulerProcess scheduler = cluster.startScheduler();
        cluster.create(reading("mine", "ds:0-9"));
        await().atMost(PATIENCE).until(() -> cluster.isBound("mine"));
        String node = cluster.nodeOf("mine");
        String other = node.equals("n1") ? "n2" : "n1";
        cluster.create(reading("placed-by-its-creator", "ds:100-109").editSpec().withNodeName(other).endSpec());
        await().atMost(PATIENCE).until(() -> scheduler.cluster().placedPodCount() == 2
                && scheduler.cluster().placements().stream().noneMatch(p -> p.assumed()));

        succeed("placed-by-its-creator");
        succeed("mine");

        await().atMost(PATIENCE).until(() -> !scheduler.cluster().cachedChunks(node).isEmpty());
        assertThat(scheduler.cluster().cachedChunks(node)).isEqualTo(ChunkSet.parse("ds:0-9"));
        await().atMost(PATIENCE).until(() -> scheduler.cluster().placedPodCount() == 0);
        assertThat(scheduler.cluster().cachedChunks(other)).isEqualTo(ChunkSet.EMPTY);
    }

    private static PodBuilder reading(String name, String chunks) {
        return TestCluster.pod(name, "100m").editMetadata().addToAnnotations("stook.dev/data-chunks", chunks)
                .endMetadata();
    }

    /** As the kubelet reports a pod whose containers all exited 0. */
    private void succeed(String name) {
        cluster.client().pods().inNamespace(NAMESPACE).withName(name).editStatus(pod -> new PodBuilder(pod)
                .editOrNewStatus().withPhase("Succeeded").endStatus().build());
    }
}
