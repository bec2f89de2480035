package dev.stook.core.plugins;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.LabelSelector;
import dev.stook.core.model.NodeSelectorRequirement;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodAffinity;
import dev.stook.core.model.PodAffinityTerm;
import dev.stook.core.model.WeightedPodAffinityTerm;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.stook.core.Fixtures.node;
import static dev.stook.core.Fixtures.res;
import static dev.stook.core.plugins.InterPodAffinityFilter.ANTI_AFFINITY;
import static dev.stook.core.plugins.InterPodAffinityFilter.EXISTING_ANTI_AFFINITY;
import static dev.stook.core.testing.PodRules.HOSTNAME;
import static dev.stook.core.testing.PodRules.labelled;
import static dev.stook.core.testing.PodRules.withAffinity;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pod affinity terms choosing namespaces by label, as kube-scheduler reads them: a term counts pods in the
 * namespaces it names and in those whose labels its namespace selector matches, read as the namespaces are
 * labelled when the pod is placed. One web pod runs on each of n0 (namespace ml-a), n1 (ml-b) and n2 (web);
 * n3 is empty.
 */
class NamespaceSelectorTermsTest {
    private static final Map<String, String> WEB = Map.of("app", "web");
    private static final LabelSelector TEAM_ML = new LabelSelector(Map.of("team", "ml"), List.of());
    private final ClusterState cluster = new ClusterState();

    NamespaceSelectorTermsTest() {
        for (int i = 0; i < 4; i++) {
            cluster.upsertNode(node("n" + i, "8", "16Gi").withLabels(Map.of(HOSTNAME, "n" + i)));
        }
        cluster.podBound(webPod("ml-a"), "n0");
        cluster.podBound(webPod("ml-b"), "n1");
        cluster.podBound(webPod("web"), "n2");
        cluster.updateNamespaceLabels("ml-a", Map.of("team", "ml"));
        cluster.updateNamespaceLabels("ml-b", Map.of("team", "ml", "tier", "dev"));
        cluster.updateNamespaceLabels("web", Map.of("team", "web"));
    }

    private static Pod webPod(String namespace) {
        return labelled(Pod.of(namespace, "web-" + namespace, res("1", "1Gi")), WEB);
    }

    private static PodAffinityTerm awayFromWeb(Set<String> named, LabelSelector namespaces) {
        return new PodAffinityTerm(new LabelSelector(WEB, List.of()), named, namespaces, HOSTNAME);
    }

    private static Pod requiringAway(String namespace, PodAffinityTerm term) {
        return withAffinity(Pod.of(namespace, "p", res("1", "1Gi")),
                new PodAffinity(List.of(), List.of(term), List.of(), List.of()));
    }

    private List<String> verdicts(Pod pod) {
        ScratchCluster scratch = new ScratchCluster(cluster.snapshot());
        PreparedFilter prepared = new InterPodAffinityFilter().prepare(pod, scratch);
        List<String> verdicts = new ArrayList<>();
        for (int i = 0; i < scratch.size(); i++) {
            String reason = prepared.reject(pod, scratch.slot(i));
            verdicts.add(reason == null ? "fits" : reason);
        }
        return verdicts;
    }

    @Test
    void aNamespaceSelectorCountsPodsInTheNamespacesWhoseLabelsItMatches() {
        assertThat(verdicts(requiringAway("elsewhere", awayFromWeb(Set.of(), TEAM_ML))))
                .containsExactly(ANTI_AFFINITY, ANTI_AFFINITY, "fits", "fits");
        LabelSelector notDev = new LabelSelector(Map.of(), List.of(new NodeSelectorRequirement("tier",
                NodeSelectorRequirement.Operator.NOT_IN, List.of("dev"))));
        assertThat(verdicts(requiringAway("elsewhere", awayFromWeb(Set.of(), notDev))))
                .as("expressions, and namespaces without the key")
                .containsExactly(ANTI_AFFINITY, "fits", ANTI_AFFINITY, "fits");
    }

    @Test
    void namedNamespacesAndSelectedOnesAddUp() {
        assertThat(verdicts(requiringAway("elsewhere", awayFromWeb(Set.of("web"), TEAM_ML))))
                .containsExactly(ANTI_AFFINITY, ANTI_AFFINITY, ANTI_AFFINITY, "fits");
        assertThat(verdicts(requiringAway("elsewhere", awayFromWeb(Set.of("web"), LabelSelector.NOTHING))))
                .as("no selector: the named namespaces only").containsExactly("fits", "fits", ANTI_AFFINITY, "fits");
        assertThat(verdicts(requiringAway("elsewhere", awayFromWeb(Set.of(), LabelSelector.EVERYTHING))))
                .as("an empty selector: every namespace")
                .containsExactly(ANTI_AFFINITY, ANTI_AFFINITY, ANTI_AFFINITY, "fits");
    }

    @Test
    void anUnlabelledOrUnknownNamespaceIsNotSelected() {
        cluster.updateNamespaceLabels("ml-b", Map.of());
        cluster.podBound(webPod("unknown"), "n3");

        assertThat(verdicts(requiringAway("elsewhere", awayFromWeb(Set.of(), TEAM_ML))))
                .containsExactly(ANTI_AFFINITY, "fits", "fits", "fits");
    }

    @Test
    void aPlacedPodsAntiAffinityKeepsAwayPodsOfTheNamespacesItsSelectorMatches() {
        cluster.podBound(requiringAway("web", awayFromWeb(Set.of(), TEAM_ML)), "n3");

        assertThat(verdicts(webPod("ml-a"))).containsExactly("fits", "fits", "fits", EXISTING_ANTI_AFFINITY);
        assertThat(verdicts(webPod("web"))).as("its own namespace is not labelled team=ml").containsOnly("fits");
    }

    @Test
    void preferredTermsWithANamespaceSelectorScoreTheDomainsOfSelectedPods() {
        Pod pod = withAffinity(Pod.of("elsewhere", "p", res("1", "1Gi")), new PodAffinity(List.of(), List.of(),
                List.of(), List.of(new WeightedPodAffinityTerm(100, awayFromWeb(Set.of(), TEAM_ML)))));

        assertThat(scores(pod)).containsExactly(0, 0, 50, 50);
    }

    @Test
    void aPlacedPodsPreferenceWithANamespaceSelectorPullsPodsOfSelectedNamespaces() {
        cluster.podBound(withAffinity(Pod.of("web", "fan", res("1", "1Gi")), new PodAffinity(List.of(), List.of(),
                List.of(new WeightedPodAffinityTerm(100, awayFromWeb(Set.of(), TEAM_ML))), List.of())), "n3");

        assertThat(scores(webPod("ml-a"))).containsExactly(50, 50, 50, 100);
        assertThat(scores(webPod("web"))).as("not selected: no part").containsOnly(0);
    }

    private List<Integer> scores(Pod pod) {
        ScratchCluster scratch = new ScratchCluster(cluster.snapshot());
        PreparedScorer prepared = new InterPodAffinityScorer().prepare(pod, scratch);
        List<Integer> scores = new ArrayList<>();
        for (int i = 0; i < scratch.size(); i++) {
            scores.add(prepared.score(pod, scratch.slot(i)));
        }
        return scores;
    }
}
