package dev.stook.core.plugins;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cluster.ScratchCluster;
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
import static dev.stook.core.testing.PodRules.preferring;
import static dev.stook.core.testing.PodRules.spread;
import static dev.stook.core.testing.PodRules.spreading;
import static org.assertj.core.api.Assertions.assertThat;

/** Preferred pod affinity and ScheduleAnyway spread, node by node: n0 and n1 in zone a, n2 in zone b, n3 bare. */
class InterPodScorersTest {
    private static final Map<String, String> CACHE = Map.of("app", "cache");
    private final ClusterState cluster = new ClusterState();

    InterPodScorersTest() {
        for (int i = 0; i < 4; i++) {
            Map<String, String> labels = i < 3 ? Map.of(HOSTNAME, "n" + i, ZONE, i < 2 ? "a" : "b")
                    : Map.of(HOSTNAME, "n" + i);
            cluster.upsertNode(node("n" + i, "8", "16Gi").withLabels(labels));
        }
    }

    private List<Integer> scores(ScorerPlugin scorer, Pod pod) {
        ScratchCluster scratch = new ScratchCluster(cluster.snapshot());
        PreparedScorer prepared = scorer.prepare(pod, scratch);
        List<Integer> scores = new ArrayList<>();
        for (int i = 0; i < scratch.size(); i++) {
            scores.add(prepared.score(pod, scratch.slot(i)));
        }
        return scores;
    }

    @Test
    void preferredAffinityRaisesTheDomainOfAMatchingPodAndAntiAffinityLowersIt() {
        cluster.podBound(labelled(pod("cache-1", "1", "1Gi"), CACHE), "n1");
        InterPodAffinityScorer scorer = new InterPodAffinityScorer();

        assertThat(scores(scorer, preferring(pod("p", "1", "1Gi"), 100, ZONE, CACHE, true)))
                .containsExactly(100, 100, 50, 50);
        assertThat(scores(scorer, preferring(pod("p", "1", "1Gi"), 100, ZONE, CACHE, false)))
                .containsExactly(0, 0, 50, 50);
        assertThat(scores(scorer, preferring(pod("p", "1", "1Gi"), 50, HOSTNAME, CACHE, true)))
                .as("weights below 100 move the score less").containsExactly(50, 75, 50, 50);
    }

    @Test
    void aPlacedPodsPreferencesPullAMatchingPodWithoutTerms() {
        cluster.podBound(preferring(pod("fan", "1", "1Gi"), 100, ZONE, CACHE, true), "n2");
        InterPodAffinityScorer scorer = new InterPodAffinityScorer();

        assertThat(scores(scorer, labelled(pod("cache-1", "1", "1Gi"), CACHE))).containsExactly(50, 50, 100, 50);
        assertThat(scores(scorer, pod("other", "1", "1Gi"))).as("not matched: no part").containsOnly(0);
    }

    @Test
    void scheduleAnywaySpreadPrefersEmptierDomainsAndGivesNodesWithoutTheKeyNothing() {
        Map<String, String> worker = Map.of("app", "worker");
        cluster.podBound(labelled(pod("w-1", "1", "1Gi"), worker), "n0");
        cluster.podBound(labelled(pod("w-2", "1", "1Gi"), worker), "n1");

        assertThat(scores(new PodTopologySpreadScorer(DefaultSpreadConstraints.SYSTEM),
                spreading(labelled(pod("p", "1", "1Gi"), worker), spread(ZONE, 1, false, worker))))
                .containsExactly(33, 33, 100, 0);
    }
}
