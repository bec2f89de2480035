package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.LabelSelector;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodAffinity;
import dev.stook.core.model.PodAffinityTerm;
import dev.stook.core.plugins.PluginProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.stook.core.Fixtures.node;
import static dev.stook.core.Fixtures.res;
import static dev.stook.core.testing.PodRules.HOSTNAME;
import static dev.stook.core.testing.PodRules.labelled;
import static dev.stook.core.testing.PodRules.withAffinity;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A placer kept across cycles follows namespace label changes: a pod whose anti-affinity term chooses
 * namespaces by label leaves the node of a pod in a namespace once it gets the label, and may use it again
 * once the label is gone, and so does a pod kept away by a placed pod's term. The big node n0 is the better
 * one while nothing keeps a pod off it.
 */
class NamespaceLabelChangeTest {
    private static final Map<String, String> WEB = Map.of("app", "web");
    private static final PodAffinityTerm AWAY_FROM_ML_WEB = new PodAffinityTerm(new LabelSelector(WEB, List.of()),
            Set.of(), new LabelSelector(Map.of("team", "ml"), List.of()), HOSTNAME);
    private final ClusterState cluster = new ClusterState();
    private final PodPlacer placer = new PodPlacer(PluginProfile.standard());

    NamespaceLabelChangeTest() {
        cluster.upsertNode(node("n0", "32", "64Gi").withLabels(Map.of(HOSTNAME, "n0")));
        cluster.upsertNode(node("n1", "4", "8Gi").withLabels(Map.of(HOSTNAME, "n1")));
    }

    private int bestNode(Pod pod) {
        return placer.bestNode(pod, new ScratchCluster(cluster.snapshot()));
    }

    private static Pod keepingAwayFromMlWeb(String namespace, String name) {
        return withAffinity(Pod.of(namespace, name, res("1", "1Gi")),
                new PodAffinity(List.of(), List.of(AWAY_FROM_ML_WEB), List.of(), List.of()));
    }

    @Test
    void aPodsOwnTermFollowsTheLabelsOfTheNamespacesItCounts() {
        cluster.podBound(labelled(Pod.of("batch", "web-1", res("1", "1Gi")), WEB), "n0");
        Pod pod = keepingAwayFromMlWeb("jobs", "p");

        assertThat(bestNode(pod)).isZero();
        cluster.updateNamespaceLabels("batch", Map.of("team", "ml"));
        assertThat(bestNode(pod)).as("batch is now selected").isEqualTo(1);
        cluster.updateNamespaceLabels("batch", Map.of());
        assertThat(bestNode(pod)).as("and no longer").isZero();
    }

    @Test
    void aPlacedPodsTermFollowsTheLabelsOfTheIncomingPodsNamespace() {
        cluster.podBound(keepingAwayFromMlWeb("jobs", "loner"), "n0");
        Pod web = labelled(Pod.of("batch", "web-1", res("1", "1Gi")), WEB);

        assertThat(bestNode(web)).isZero();
        cluster.updateNamespaceLabels("batch", Map.of("team", "ml"));
        assertThat(bestNode(web)).as("batch is now selected").isEqualTo(1);
        cluster.updateNamespaceLabels("batch", Map.of("team", "web"));
        assertThat(bestNode(web)).as("and no longer").isZero();
    }

    @Test
    void aLabelChangeCountsAsACapacityRelease() {
        long before = cluster.capacityReleases();
        cluster.updateNamespaceLabels("batch", Map.of("team", "ml"));
        cluster.updateNamespaceLabels("batch", Map.of("team", "ml"));

        assertThat(cluster.capacityReleases()).as("once: the second update changes nothing").isEqualTo(before + 1);
    }
}
