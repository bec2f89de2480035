package dev.stook.core.plugins;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.LabelSelector;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodAffinity;
import dev.stook.core.model.PodAffinityTerm;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.stook.core.Fixtures.node;
import static dev.stook.core.Fixtures.pod;
import static dev.stook.core.plugins.InterPodAffinityFilter.AFFINITY;
import static dev.stook.core.plugins.InterPodAffinityFilter.ANTI_AFFINITY;
import static dev.stook.core.plugins.InterPodAffinityFilter.EXISTING_ANTI_AFFINITY;
import static dev.stook.core.testing.PodRules.HOSTNAME;
import static dev.stook.core.testing.PodRules.ZONE;
import static dev.stook.core.testing.PodRules.labelled;
import static dev.stook.core.testing.PodRules.requiringAway;
import static dev.stook.core.testing.PodRules.requiringNear;
import static dev.stook.core.testing.PodRules.withAffinity;
import static org.assertj.core.api.Assertions.assertThat;

/** Each rule of required inter-pod affinity as the Kubernetes documentation states it. */
class InterPodAffinityFilterTest {
    private static final Map<String, String> WEB = Map.of("app", "web");
    private final ClusterState cluster = new ClusterState();
    private final InterPodAffinityFilter filter = new InterPodAffinityFilter();

    /** n0 and n1 in zone a, n2 in zone b, n3 without a zone label. */
    InterPodAffinityFilterTest() {
        for (int i = 0; i < 4; i++) {
            Map<String, String> labels = new HashMap<>(Map.of(HOSTNAME, "n" + i));
            if (i < 3) {
                labels.put(ZONE, i < 2 ? "a" : "b");
            }
            cluster.upsertNode(node("n" + i, "8", "16Gi").withLabels(labels));
        }
    }

    private List<String> verdicts(Pod pod) {
        ScratchCluster scratch = new ScratchCluster(cluster.snapshot());
        PreparedFilter prepared = filter.prepare(pod, scratch);
        List<String> verdicts = new ArrayList<>();
        for (int i = 0; i < scratch.size(); i++) {
            String reason = prepared.reject(pod, scratch.slot(i));
            verdicts.add(reason == null ? "fits" : reason);
        }
        return verdicts;
    }

    private void bind(Pod pod, String node) {
        cluster.podBound(pod, node);
    }

    @Test
    void hostnameAntiAffinityKeepsThePodOffNodesRunningAMatchingPod() {
        bind(labelled(pod("web-1", "1", "1Gi"), WEB), "n0");

        assertThat(verdicts(requiringAway(pod("p", "1", "1Gi"), HOSTNAME, WEB)))
                .containsExactly(ANTI_AFFINITY, "fits", "fits", "fits");
    }

    @Test
    void zoneAntiAffinityKeepsThePodOutOfTheWholeZoneButNotOffNodesWithoutTheLabel() {
        bind(labelled(pod("web-1", "1", "1Gi"), WEB), "n0");

        assertThat(verdicts(requiringAway(pod("p", "1", "1Gi"), ZONE, WEB)))
                .containsExactly(ANTI_AFFINITY, ANTI_AFFINITY, "fits", "fits");
    }

    @Test
    void anExistingPodsAntiAffinityKeepsAMatchingPodAwayEvenIfThatPodHasNoTerms() {
        bind(requiringAway(pod("loner", "1", "1Gi"), ZONE, WEB), "n2");

        assertThat(verdicts(labelled(pod("p", "1", "1Gi"), WEB)))
                .containsExactly("fits", "fits", EXISTING_ANTI_AFFINITY, "fits");
        assertThat(verdicts(labelled(pod("q", "1", "1Gi"), Map.of("app", "db"))))
                .containsExactly("fits", "fits", "fits", "fits");
    }

    @Test
    void zoneAffinityDrawsThePodIntoTheZoneOfAMatchingPodAndNeedsTheLabel() {
        bind(labelled(pod("web-1", "1", "1Gi"), WEB), "n1");

        assertThat(verdicts(requiringNear(pod("p", "1", "1Gi"), ZONE, WEB)))
                .containsExactly("fits", "fits", AFFINITY, AFFINITY);
    }

    @Test
    void theFirstOfAGroupDrawnToItselfMayGoToAnyNodeWithTheKey() {
        Pod first = labelled(requiringNear(pod("web-0", "1", "1Gi"), ZONE, WEB), WEB);

        assertThat(verdicts(first)).containsExactly("fits", "fits", "fits", AFFINITY);
    }

    @Test
    void aPodDrawnToPodsThatDoNotExistAndNotMatchingItselfFitsNowhere() {
        assertThat(verdicts(requiringNear(pod("p", "1", "1Gi"), ZONE, WEB)))
                .containsOnly(AFFINITY);
    }

    @Test
    void podsOfOtherNamespacesCountOnlyWhenTheTermNamesThem() {
        bind(labelled(Pod.of("other", "web-1", pod("x", "1", "1Gi").requests()), WEB), "n0");
        Pod ownNamespace = requiringAway(pod("p", "1", "1Gi"), HOSTNAME, WEB);
        PodAffinityTerm everywhere = new PodAffinityTerm(new LabelSelector(WEB, List.of()), Set.of(),
                LabelSelector.EVERYTHING, HOSTNAME);
        Pod anyNamespace = withAffinity(pod("q", "1", "1Gi"),
                new PodAffinity(List.of(), List.of(everywhere), List.of(), List.of()));

        assertThat(verdicts(ownNamespace)).containsOnly("fits");
        assertThat(verdicts(anyNamespace)).containsExactly(ANTI_AFFINITY, "fits", "fits", "fits");
    }

    @Test
    void aRunningPodsNewLabelsCountFromTheNextSnapshot() {
        Pod running = pod("w", "1", "1Gi");
        bind(running, "n0");
        Pod away = requiringAway(pod("p", "1", "1Gi"), HOSTNAME, WEB);
        assertThat(verdicts(away)).containsOnly("fits");

        bind(labelled(running, WEB), "n0");

        assertThat(verdicts(away)).containsExactly(ANTI_AFFINITY, "fits", "fits", "fits");
    }

    @Test
    void placedPodsAntiAffinityCountsWhileTheyHoldTheirPlace() {
        Pod keepsAway = requiringAway(pod("k", "1", "1Gi"), HOSTNAME, WEB);
        Pod web = labelled(pod("p", "1", "1Gi"), WEB);
        bind(keepsAway, "n1");
        cluster.snapshot();
        bind(pod("unrelated", "1", "1Gi"), "n2");
        assertThat(verdicts(web)).containsExactly("fits", EXISTING_ANTI_AFFINITY, "fits", "fits");

        cluster.removePod(keepsAway.id());

        assertThat(verdicts(web)).containsOnly("fits");
    }

    @Test
    void trialPlacementsOfTheCycleCount() {
        ScratchCluster scratch = new ScratchCluster(cluster.snapshot());
        Pod member = labelled(requiringAway(pod("m", "1", "1Gi"), HOSTNAME, WEB), WEB);
        scratch.place(member, 1);

        PreparedFilter prepared = filter.prepare(member, scratch);

        assertThat(prepared.reject(member, scratch.slot(1))).isEqualTo(ANTI_AFFINITY);
        assertThat(prepared.reject(member, scratch.slot(0))).isNull();
    }

    @Test
    void aPodWithoutTermsTakesNoPartUntilAPodWithTermsIsPlaced() {
        bind(labelled(pod("web-1", "1", "1Gi"), WEB), "n0");
        ScratchCluster scratch = new ScratchCluster(cluster.snapshot());

        PreparedFilter prepared = filter.prepare(pod("p", "1", "1Gi"), scratch);
        assertThat(prepared).isInstanceOf(NeutralWhile.class);
        assertThat(((NeutralWhile) prepared).holdsIn(scratch)).isTrue();

        scratch.place(requiringAway(pod("k", "1", "1Gi"), HOSTNAME, WEB), 1);
        assertThat(((NeutralWhile) prepared).holdsIn(scratch)).isFalse();
    }
}
