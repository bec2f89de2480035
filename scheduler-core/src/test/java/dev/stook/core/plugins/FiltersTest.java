package dev.stook.core.plugins;

import dev.stook.core.model.Node;
import dev.stook.core.model.NodeSelectorRequirement;
import dev.stook.core.model.NodeSelectorTerm;
import dev.stook.core.model.Pod;
import dev.stook.core.model.Resources;
import dev.stook.core.model.Taint;
import dev.stook.core.model.TaintEffect;
import dev.stook.core.model.Toleration;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.stook.core.Fixtures.node;
import static dev.stook.core.Fixtures.pod;
import static dev.stook.core.Fixtures.slotOf;
import static org.assertj.core.api.Assertions.assertThat;

class FiltersTest {
    private final Node node = node("n1", "4", "8Gi");

    @Test
    void resourceFitChecksEveryResourceAgainstWhatIsLeft() {
        Filter fit = new ResourceFitFilter();

        assertThat(fit.reject(pod("p", "4", "8Gi"), slotOf(node))).isNull();
        assertThat(fit.reject(pod("p", "1", "1Gi"), slotOf(node, pod("busy", "3500m", "1Gi")))).isEqualTo("Insufficient cpu");
        assertThat(fit.reject(pod("p", "1", "7Gi"), slotOf(node, pod("busy", "1", "2Gi")))).isEqualTo("Insufficient memory");
    }

    @Test
    void resourceFitRefusesExtendedResourcesTheNodeLacks() {
        Node gpuNode = Node.of("g1", Resources.parseRegistering(Map.of("cpu", "8", "memory", "8Gi", "nvidia.com/gpu", "1")));
        Pod gpuPod = Pod.of("default", "train", Resources.parse(Map.of("cpu", "1", "nvidia.com/gpu", "1")));

        assertThat(new ResourceFitFilter().reject(gpuPod, slotOf(node))).isEqualTo("Insufficient nvidia.com/gpu");
        assertThat(new ResourceFitFilter().reject(gpuPod, slotOf(gpuNode))).isNull();
    }

    @Test
    void maxPodsCountsPodsOnTheNode() {
        Node tiny = Node.of("n", dev.stook.core.Fixtures.res("8", "8Gi", "2"));
        Filter maxPods = new MaxPodsFilter();

        assertThat(maxPods.reject(pod("p", "1", "1Gi"), slotOf(tiny, pod("a", "1", "1Gi")))).isNull();
        assertThat(maxPods.reject(pod("p", "1", "1Gi"), slotOf(tiny, pod("a", "1", "1Gi"), pod("b", "1", "1Gi"))))
                .isEqualTo("Too many pods");
    }

    @Test
    void cordonedNodesTakeNothing() {
        assertThat(new CordonedNodeFilter().reject(pod("p", "1", "1Gi"), slotOf(node.cordoned()))).isEqualTo("node is cordoned");
        assertThat(new CordonedNodeFilter().reject(pod("p", "1", "1Gi"), slotOf(node))).isNull();
    }

    @Test
    void nodeAffinityAppliesSelectorAndRequiredTerms() {
        Node labelled = node.withLabels(Map.of("pool", "batch", "zone", "b"));
        Pod wantsBatch = pod("p", "1", "1Gi").withConstraints(
                Pod.of("x", "y", Resources.NONE).constraints().withNodeSelector(Map.of("pool", "batch")));
        Pod wantsZoneA = pod("p", "1", "1Gi").withConstraints(Pod.of("x", "y", Resources.NONE).constraints()
                .withRequiredAffinity(List.of(new NodeSelectorTerm(List.of(new NodeSelectorRequirement(
                        "zone", NodeSelectorRequirement.Operator.IN, List.of("a"))))))); 
        Filter affinity = new NodeAffinityFilter();

        assertThat(affinity.reject(wantsBatch, slotOf(labelled))).isNull();
        assertThat(affinity.reject(wantsBatch, slotOf(node))).isEqualTo("node(s) didn't match node selector or affinity");
        assertThat(affinity.reject(wantsZoneA, slotOf(labelled))).isEqualTo("node(s) didn't match node selector or affinity");
    }

    @Test
    void taintsRepelUnlessToleratedButPreferNoScheduleNeverRejects() {
        Node tainted = node.withTaints(List.of(new Taint("gpu", "true", TaintEffect.NO_SCHEDULE)));
        Node draining = node.withTaints(List.of(new Taint("drain", "", TaintEffect.NO_EXECUTE)));
        Node soft = node.withTaints(List.of(new Taint("spot", "", TaintEffect.PREFER_NO_SCHEDULE)));
        Pod plain = pod("p", "1", "1Gi");
        Pod tolerant = plain.withConstraints(plain.constraints().withTolerations(
                List.of(new Toleration("gpu", Toleration.Operator.EXISTS, null, null))));
        Filter taints = new TaintTolerationFilter();

        assertThat(taints.reject(plain, slotOf(tainted))).isEqualTo("untolerated taint");
        assertThat(taints.reject(tolerant, slotOf(tainted))).isNull();
        assertThat(taints.reject(tolerant, slotOf(draining))).isEqualTo("untolerated taint");
        assertThat(taints.reject(plain, slotOf(soft))).isNull();
    }

    @Test
    void onlyUsageFiltersReadUsage() {
        assertThat(PluginProfile.standardFilters()).filteredOn(filter -> filter.reads().contains(Input.NODE_USAGE))
                .extracting(FilterPlugin::name).containsExactlyInAnyOrder("ResourceFit", "MaxPods", "NodePorts",
                "NodeVolumeLimits");
    }
}
