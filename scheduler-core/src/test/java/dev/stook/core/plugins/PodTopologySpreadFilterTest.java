package dev.stook.core.plugins;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.LabelSelector;
import dev.stook.core.model.Pod;
import dev.stook.core.model.SpreadConstraint;
import dev.stook.core.model.Taint;
import dev.stook.core.model.TaintEffect;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.stook.core.Fixtures.node;
import static dev.stook.core.Fixtures.pod;
import static dev.stook.core.plugins.PodTopologySpreadFilter.MISSING_LABEL;
import static dev.stook.core.plugins.PodTopologySpreadFilter.REASON;
import static dev.stook.core.testing.PodRules.HOSTNAME;
import static dev.stook.core.testing.PodRules.ZONE;
import static dev.stook.core.testing.PodRules.labelled;
import static dev.stook.core.testing.PodRules.spread;
import static dev.stook.core.testing.PodRules.spreading;
import static org.assertj.core.api.Assertions.assertThat;

/** Each rule of DoNotSchedule topology spread constraints as the Kubernetes documentation states it. */
class PodTopologySpreadFilterTest {
    private static final Map<String, String> WORKER = Map.of("app", "worker");
    private final ClusterState cluster = new ClusterState();
    private final PodTopologySpreadFilter filter = new PodTopologySpreadFilter();

    private void addNode(String name, String zone, Map<String, String> more) {
        Map<String, String> labels = new HashMap<>(more);
        labels.put(HOSTNAME, name);
        if (zone != null) {
            labels.put(ZONE, zone);
        }
        cluster.upsertNode(node(name, "8", "16Gi").withLabels(labels));
    }

    private Pod worker(String name) {
        return labelled(pod(name, "1", "1Gi"), WORKER);
    }

    private void bindWorkers(String node, int count) {
        for (int i = 0; i < count; i++) {
            cluster.podBound(worker(node + "-w" + i), node);
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

    @Test
    void aDomainMoreThanMaxSkewAboveTheEmptiestIsRefused() {
        addNode("a1", "a", Map.of());
        addNode("b1", "b", Map.of());
        bindWorkers("a1", 2);
        bindWorkers("b1", 1);

        assertThat(verdicts(spreading(worker("p"), spread(ZONE, 1, true, WORKER)))).containsExactly(REASON, "fits");
        assertThat(verdicts(spreading(worker("p"), spread(ZONE, 2, true, WORKER)))).containsExactly("fits", "fits");
    }

    @Test
    void aPodNotMatchingItsOwnSelectorDoesNotCountItself() {
        addNode("a1", "a", Map.of());
        addNode("b1", "b", Map.of());
        bindWorkers("a1", 1);

        assertThat(verdicts(spreading(pod("other", "1", "1Gi"), spread(ZONE, 1, true, WORKER))))
                .containsExactly("fits", "fits");
        assertThat(verdicts(spreading(worker("p"), spread(ZONE, 1, true, WORKER)))).containsExactly(REASON, "fits");
    }

    @Test
    void nodesWithoutTheKeyAreRefusedAndDoNotFormDomains() {
        addNode("a1", "a", Map.of());
        addNode("bare", null, Map.of());
        bindWorkers("a1", 3);

        assertThat(verdicts(spreading(worker("p"), spread(ZONE, 1, true, WORKER)))).containsExactly("fits", MISSING_LABEL);
    }

    @Test
    void fewerDomainsThanMinDomainsCountTheMissingOnesAsEmpty() {
        addNode("a1", "a", Map.of());
        addNode("b1", "b", Map.of());
        bindWorkers("a1", 1);
        bindWorkers("b1", 1);
        SpreadConstraint threeZones = new SpreadConstraint(1, ZONE, true, new LabelSelector(WORKER, List.of()), 3,
                true, false);

        assertThat(verdicts(spreading(worker("p"), threeZones))).containsOnly(REASON);
        assertThat(verdicts(spreading(worker("p"), spread(ZONE, 1, true, WORKER)))).containsOnly("fits");
    }

    @Test
    void podsOfOtherNamespacesAreNotCounted() {
        addNode("a1", "a", Map.of());
        addNode("b1", "b", Map.of());
        cluster.podBound(labelled(Pod.of("other", "w", pod("x", "1", "1Gi").requests()), WORKER), "a1");
        cluster.podBound(labelled(Pod.of("other", "w2", pod("x", "1", "1Gi").requests()), WORKER), "a1");

        assertThat(verdicts(spreading(worker("p"), spread(ZONE, 1, true, WORKER)))).containsOnly("fits");
    }

    @Test
    void withNodeAffinityHonouredZonesThePodCannotUseDoNotHoldTheMinimumDown() {
        addNode("a1", "a", Map.of("pool", "batch"));
        addNode("b1", "b", Map.of("pool", "batch"));
        addNode("c1", "c", Map.of("pool", "web"));
        bindWorkers("a1", 1);
        Pod batchOnly = spreading(worker("p"), spread(ZONE, 1, true, WORKER));
        batchOnly = batchOnly.withConstraints(batchOnly.constraints().withNodeSelector(Map.of("pool", "batch")));
        SpreadConstraint ignoringAffinity = new SpreadConstraint(1, ZONE, true, new LabelSelector(WORKER, List.of()),
                1, false, false);
        Pod counted = worker("q").withConstraints(batchOnly.constraints().withSpread(List.of(ignoringAffinity)));

        assertThat(verdicts(batchOnly).subList(0, 2)).containsExactly(REASON, "fits");
        bindWorkers("b1", 1);
        assertThat(verdicts(batchOnly).subList(0, 2)).containsExactly("fits", "fits");
        assertThat(verdicts(counted).subList(0, 2)).containsExactly(REASON, REASON);
    }

    @Test
    void withTaintsHonouredUntoleratedNodesDoNotFormDomains() {
        addNode("a1", "a", Map.of());
        cluster.upsertNode(node("b1", "8", "16Gi").withLabels(Map.of(HOSTNAME, "b1", ZONE, "b"))
                .withTaints(List.of(new Taint("dedicated", "gpu", TaintEffect.NO_SCHEDULE))));
        bindWorkers("a1", 1);
        SpreadConstraint honourTaints = new SpreadConstraint(1, ZONE, true, new LabelSelector(WORKER, List.of()), 1,
                true, true);

        assertThat(verdicts(spreading(worker("p"), honourTaints)).get(0)).isEqualTo("fits");
        assertThat(verdicts(spreading(worker("p"), spread(ZONE, 1, true, WORKER))).get(0)).isEqualTo(REASON);
    }

    @Test
    void scheduleAnywayConstraintsTakeNoPartInFiltering() {
        addNode("a1", "a", Map.of());
        bindWorkers("a1", 5);

        assertThat(filter.prepare(spreading(worker("p"), spread(ZONE, 1, false, WORKER)),
                new ScratchCluster(cluster.snapshot()))).isSameAs(PreparedFilter.NEVER_FOR_CLASS);
    }
}
