package dev.stook.k8s.loop;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.model.PodId;
import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.RealCluster;
import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.stook.k8s.testing.TestCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RelistTest {
    private static final Duration PATIENCE = Duration.ofSeconds(40);
    /** Long enough for a change to reach a scheduler whose watch is not silenced. */
    private static final Duration UNSEEN = Duration.ofSeconds(1);
    @RegisterExtension
    final RealCluster cluster = new RealCluster();

    @Test
    void changesMissedWhileTheWatchWasDownAreRecoveredByTheRelist() {
        cluster.node("n1", "4", "16Gi");
        cluster.node("n2", "4", "16Gi");
        SchedulerProcess scheduler = cluster.startScheduler();
        IntStream.range(0, 6).forEach(i -> cluster.create("p" + i, "1"));
        await().atMost(PATIENCE).until(() -> IntStream.range(0, 6).allMatch(i -> cluster.isBound("p" + i)));
        await().atMost(PATIENCE).until(() -> scheduler.cluster().placedPodCount() == 6);

        cluster.api().silenceWatches();
        cluster.delete("p0");
        cluster.delete("p1");
        cluster.create(TestCluster.pod("foreign", "2").editSpec().withSchedulerName("default-scheduler")
                .withNodeName("n2").endSpec());
        cluster.node("n3", "4", "16Gi");
        cluster.create("missed", "1");
        await().during(UNSEEN).atMost(UNSEEN.multipliedBy(2)).until(() -> scheduler.cluster().placedPodCount() == 6
                && scheduler.cluster().nodeCount() == 2 && !cluster.isBound("missed"));

        cluster.api().expireWatches();

        await().atMost(PATIENCE).until(() -> cluster.isBound("missed"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(placements(scheduler.cluster())).isEqualTo(apiTruth()));
        assertThat(scheduler.cluster().nodeCount()).isEqualTo(3);
        assertThat(scheduler.cluster().placements()).noneMatch(ClusterState.Placement::assumed);
        cluster.api().acceptedBindings().values().forEach(count -> assertThat(count.get()).isOne());
    }

    @Test
    void aBoundPodReplacedUnderTheSameNameIsANewPodAndFreesTheOldPlace() {
        cluster.node("n1", "1", "4Gi");
        SchedulerProcess scheduler = cluster.startScheduler();
        String firstUid = cluster.create("web-0", "1").getMetadata().getUid();
        await().atMost(PATIENCE).until(() -> cluster.isBound("web-0"));
        await().atMost(PATIENCE).until(() -> scheduler.cluster().placements().stream().anyMatch(p -> !p.assumed()));

        cluster.api().silenceWatches();
        cluster.delete("web-0");
        Pod replacement = cluster.create("web-0", "1");
        assertThat(replacement.getMetadata().getUid()).isNotEqualTo(firstUid);
        await().during(UNSEEN).atMost(UNSEEN.multipliedBy(2)).until(() -> !cluster.isBound("web-0"));
        cluster.api().expireWatches();

        await().atMost(PATIENCE).until(() -> cluster.isBound("web-0"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(placements(scheduler.cluster())).isEqualTo(apiTruth()));
        assertThat(cluster.api().acceptedBindings(NAMESPACE, "web-0")).isEqualTo(2);
    }

    private Map<PodId, String> apiTruth() {
        return cluster.client().pods().inAnyNamespace().list().getItems().stream()
                .filter(p -> p.getSpec().getNodeName() != null)
                .collect(Collectors.toMap(RelistTest::idOf, p -> p.getSpec().getNodeName()));
    }

    private static Map<PodId, String> placements(ClusterState state) {
        return state.placements().stream().collect(Collectors.toMap(p -> p.pod().id(), ClusterState.Placement::nodeName));
    }

    private static PodId idOf(Pod pod) {
        return new PodId(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
    }
}
