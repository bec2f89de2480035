package dev.stook.core.plugins;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.LabelSelector;
import dev.stook.core.model.NodeSelectorRequirement;
import dev.stook.core.model.Pod;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.stook.core.Fixtures.node;
import static dev.stook.core.Fixtures.pod;
import static dev.stook.core.testing.PodRules.HOSTNAME;
import static dev.stook.core.testing.PodRules.ZONE;
import static dev.stook.core.testing.PodRules.labelled;
import static dev.stook.core.testing.PodRules.spread;
import static dev.stook.core.testing.PodRules.spreading;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * kube-scheduler's default spread constraints (hostname, maxSkew 3; zone, maxSkew 5; ScheduleAnyway) for pods
 * setting none, counting the pods selected by the Services selecting the pod and by its controller. n0 and n1
 * in zone a, n2 in zone b, n3 without a zone. Crowding is each domain's matching pods (the pod included) over maxSkew, summed; the score
 * is 100 over the crowding, at most 100.
 */
class DefaultSpreadConstraintsTest {
    private static final Map<String, String> WEB = Map.of("app", "web");
    private static final LabelSelector SELECTS_WEB = new LabelSelector(WEB, List.of());
    private final ClusterState cluster = new ClusterState();

    DefaultSpreadConstraintsTest() {
        for (int i = 0; i < 4; i++) {
            Map<String, String> labels = i < 3 ? Map.of(HOSTNAME, "n" + i, ZONE, i < 2 ? "a" : "b")
                    : Map.of(HOSTNAME, "n" + i);
            cluster.upsertNode(node("n" + i, "8", "16Gi").withLabels(labels));
        }
    }

    private void bindWeb(String name, String node) {
        cluster.podBound(labelled(pod(name, "1", "1Gi"), WEB), node);
    }

    private PreparedScorer prepare(DefaultSpreadConstraints defaults, Pod pod) {
        return new PodTopologySpreadScorer(defaults).prepare(pod, new ScratchCluster(cluster.snapshot()));
    }

    private List<Integer> scores(DefaultSpreadConstraints defaults, Pod pod) {
        ScratchCluster scratch = new ScratchCluster(cluster.snapshot());
        PreparedScorer prepared = new PodTopologySpreadScorer(defaults).prepare(pod, scratch);
        List<Integer> scores = new ArrayList<>();
        for (int i = 0; i < scratch.size(); i++) {
            scores.add(prepared.score(pod, scratch.slot(i)));
        }
        return scores;
    }

    private Pod newWebPod() {
        return labelled(pod("p", "1", "1Gi"), Map.of("app", "web", "index", "9"));
    }

    @Test
    void aPodAServiceSelectsSpreadsByHostAndZoneAndNodesWithoutAZoneScoreByHost() {
        cluster.updateService("default", "web", SELECTS_WEB);
        bindWeb("w1", "n0");
        bindWeb("w2", "n0");
        bindWeb("w3", "n1");

        // n0: 3/3 + 4/5; n1: 2/3 + 4/5; n2: 1/3 + 1/5; n3: 1/3
        assertThat(scores(DefaultSpreadConstraints.SYSTEM, newWebPod())).containsExactly(56, 68, 100, 100);
    }

    @Test
    void aListOfOnesOwnTakesNodesLackingAKeyOutAsForAPodsOwnConstraints() {
        cluster.updateService("default", "web", SELECTS_WEB);
        bindWeb("w1", "n0");
        bindWeb("w2", "n0");
        bindWeb("w3", "n1");
        DefaultSpreadConstraints list = new DefaultSpreadConstraints(DefaultSpreadConstraints.SYSTEM.constraints(),
                false);

        assertThat(scores(list, newWebPod())).containsExactly(56, 68, 100, 0);
    }

    @Test
    void defaultsApplyOnlyToPodsWithoutConstraintsOfTheirOwn() {
        cluster.updateService("default", "web", SELECTS_WEB);
        bindWeb("w1", "n0");
        bindWeb("w2", "n0");
        bindWeb("w3", "n1");

        assertThat(scores(DefaultSpreadConstraints.SYSTEM, spreading(newWebPod(), spread(HOSTNAME, 1, false, WEB))))
                .as("its own constraint only: 3/1, 2/1, 1/1, 1/1").containsExactly(33, 50, 100, 100);
        assertThat(prepare(DefaultSpreadConstraints.SYSTEM, spreading(newWebPod(), spread(ZONE, 1, true, WEB))))
                .as("a DoNotSchedule constraint of its own: no defaults either")
                .isSameAs(PreparedScorer.NEVER_FOR_CLASS);
    }

    @Test
    void noDefaultsWhenNothingSelectsThePodOrTheyAreSwitchedOff() {
        cluster.updateService("other", "web", SELECTS_WEB);
        cluster.updateService("default", "db", new LabelSelector(Map.of("app", "db"), List.of()));
        bindWeb("w1", "n0");

        assertThat(prepare(DefaultSpreadConstraints.SYSTEM, newWebPod())).as("only another namespace's selects it")
                .isSameAs(PreparedScorer.NEVER_FOR_CLASS);
        cluster.updateService("default", "web", SELECTS_WEB);
        assertThat(prepare(DefaultSpreadConstraints.SYSTEM, newWebPod())).isNotSameAs(PreparedScorer.NEVER_FOR_CLASS);
        assertThat(prepare(DefaultSpreadConstraints.NONE, newWebPod())).as("switched off")
                .isSameAs(PreparedScorer.NEVER_FOR_CLASS);
        cluster.updateService("default", "web", null);
        assertThat(prepare(DefaultSpreadConstraints.SYSTEM, newWebPod())).as("the Service is gone")
                .isSameAs(PreparedScorer.NEVER_FOR_CLASS);
    }

    @Test
    void thePodsCountedMatchEveryServiceSelectingThePodAndItsController() {
        LabelSelector replicaSet = new LabelSelector(Map.of("app", "web", "tier", "front"), List.of(
                new NodeSelectorRequirement("track", NodeSelectorRequirement.Operator.NOT_IN, List.of("canary"))));
        cluster.updateService("default", "web", SELECTS_WEB);
        cluster.updateController("default", "ReplicaSet/front", replicaSet);
        cluster.updateController("default", "StatefulSet/other", new LabelSelector(Map.of("app", "web"),
                List.of(new NodeSelectorRequirement("tier", NodeSelectorRequirement.Operator.EXISTS, List.of()))));
        Map<String, String> front = Map.of("app", "web", "tier", "front");
        cluster.podBound(labelled(pod("front-1", "1", "1Gi"), front), "n0");
        bindWeb("web-only", "n2");
        Pod pod = labelled(pod("p", "1", "1Gi"), front).withController("ReplicaSet/front");

        assertThat(cluster.snapshot().workloads().selectorFor(pod)).as("not the StatefulSet: it does not control it")
                .isEqualTo(new LabelSelector(front, replicaSet.requirements()));
        // n0: 2/3 + 2/5; n1: 1/3 + 2/5; n2 (its web pod is not a front one): 1/3 + 1/5; n3: 1/3
        assertThat(scores(DefaultSpreadConstraints.SYSTEM, pod)).containsExactly(94, 100, 100, 100);
    }

    @Test
    void aServiceWithoutASelectorSelectsNothingAndAControllerCountsOnItsOwn() {
        LabelSelector notCanary = new LabelSelector(Map.of(), List.of(
                new NodeSelectorRequirement("track", NodeSelectorRequirement.Operator.NOT_IN, List.of("canary"))));
        cluster.updateService("default", "everything", LabelSelector.EVERYTHING);
        assertThat(cluster.snapshot().workloads().selectorFor(newWebPod())).isNull();
        cluster.updateController("default", "ReplicaSet/stable", notCanary);

        assertThat(cluster.snapshot().workloads().selectorFor(newWebPod())).as("not its controller").isNull();
        assertThat(cluster.snapshot().workloads().selectorFor(pod("bare", "1", "1Gi")
                .withController("ReplicaSet/stable"))).isEqualTo(notCanary);
        cluster.updateController("default", "ReplicaSet/stable", null);
        assertThat(cluster.snapshot().workloads().selectorFor(pod("bare", "1", "1Gi")
                .withController("ReplicaSet/stable"))).as("gone").isNull();
    }
}
