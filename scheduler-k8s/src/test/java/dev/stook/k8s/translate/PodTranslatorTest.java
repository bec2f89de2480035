package dev.stook.k8s.translate;

import dev.stook.core.model.HostPort;
import dev.stook.core.model.LabelSelector;
import dev.stook.core.model.Pod;
import dev.stook.core.model.Resources;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PodTranslatorTest {
    private static PodBuilder base() {
        return new PodBuilder().withNewMetadata().withNamespace("ns").withName("p")
                .withCreationTimestamp("2026-01-02T03:04:05Z").endMetadata()
                .withNewSpec().withPriority(7)
                .addNewContainer().withName("a").withNewResources().addToRequests("cpu", new Quantity("500m"))
                .addToRequests("memory", new Quantity("1Gi")).endResources().endContainer()
                .addNewContainer().withName("b").withNewResources().addToRequests("cpu", new Quantity("1"))
                .endResources().endContainer()
                .addNewInitContainer().withName("init").withNewResources().addToRequests("cpu", new Quantity("2"))
                .endResources().endInitContainer()
                .withOverhead(Map.of("memory", new Quantity("100Mi")))
                .withNodeSelector(Map.of("pool", "gpu"))
                .addNewToleration().withKey("gpu").withOperator("Exists").withEffect("NoSchedule").endToleration()
                .endSpec();
    }

    @Test
    void readsRequestsPriorityTimeAndConstraints() {
        Pod pod = PodTranslator.translate(base().build());

        assertThat(pod.requests()).isEqualTo(Resources.parse(Map.of("cpu", "2", "memory", "1124Mi")));
        assertThat(pod.priority()).isEqualTo(7);
        assertThat(pod.createdAtMillis()).isEqualTo(java.time.Instant.parse("2026-01-02T03:04:05Z").toEpochMilli());
        assertThat(pod.constraints().nodeSelector()).containsEntry("pool", "gpu");
        assertThat(pod.constraints().tolerations()).hasSize(1);
        assertThat(pod.gang()).isNull();
        assertThat(pod.preemptible()).isTrue();
        assertThat(pod.schedulingGates()).isEmpty();
        assertThat(pod.preemptsOthers()).isTrue();
    }

    @Test
    void aPodWhosePreemptionPolicyIsNeverPreemptsNothing() {
        Pod pod = PodTranslator.translate(base().editSpec().withPreemptionPolicy("Never").endSpec().build());

        assertThat(pod.preemptsOthers()).isFalse();
    }

    @Test
    void countsSidecarInitContainersBesideTheAppContainers() {
        Pod pod = PodTranslator.translate(base().editSpec().addNewInitContainer().withName("proxy")
                .withRestartPolicy("Always").withNewResources().addToRequests("cpu", new Quantity("1"))
                .addToRequests("memory", new Quantity("256Mi")).endResources().endInitContainer().endSpec().build());

        // the app containers (1.5 cpu, 1Gi) plus the sidecar, against the init container alone (2 cpu)
        assertThat(pod.requests()).isEqualTo(Resources.parse(Map.of("cpu", "2500m", "memory", "1380Mi")));
    }

    @Test
    void readsHostPortsAndOnTheHostNetworkEveryContainerPort() {
        Pod pod = PodTranslator.translate(base().editSpec().editFirstContainer().addNewPort().withContainerPort(8080)
                .withHostPort(80).endPort().addNewPort().withContainerPort(9090).withProtocol("UDP").endPort()
                .endContainer().endSpec().build());
        Pod onHost = PodTranslator.translate(base().editSpec().withHostNetwork(true).editFirstContainer()
                .addNewPort().withContainerPort(9090).withProtocol("UDP").endPort().endContainer().endSpec().build());

        assertThat(pod.constraints().hostPorts()).containsExactly(new HostPort("TCP", "", 80));
        assertThat(onHost.constraints().hostPorts()).containsExactly(new HostPort("UDP", "", 9090));
    }

    @Test
    void readsPreferredNodeAffinity() {
        Pod pod = PodTranslator.translate(base().editSpec().withNewAffinity().withNewNodeAffinity()
                .addNewPreferredDuringSchedulingIgnoredDuringExecution().withWeight(30).withNewPreference()
                .addNewMatchExpression().withKey("disk").withOperator("In").withValues("ssd").endMatchExpression()
                .endPreference().endPreferredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity()
                .endSpec().build());

        assertThat(pod.constraints().preferredAffinity()).singleElement().satisfies(term -> {
            assertThat(term.weight()).isEqualTo(30);
            assertThat(term.term().matches(Map.of("disk", "ssd"))).isTrue();
            assertThat(term.term().matches(Map.of("disk", "hdd"))).isFalse();
        });
    }

    @Test
    void refusesSchedulingFieldsItDoesNotHonourNamingThem() {
        PodBuilder claiming = base().editSpec().addNewResourceClaim().withName("gpu").endResourceClaim().endSpec();

        assertThatThrownBy(() -> PodTranslator.translate(claiming.build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Stook does not honour spec.resourceClaims yet");
        assertThat(PodTranslator.translateBound(claiming.build()).requests())
                .as("a bound pod is still accounted for").isEqualTo(Resources.parse(Map.of("cpu", "2", "memory", "1124Mi")));
    }

    @Test
    void readsPodAffinityResolvingNamespacesAndLabelKeysAgainstThePod() {
        Pod pod = PodTranslator.translate(base().editMetadata().addToLabels(Map.of("app", "web", "job", "j1"))
                .endMetadata().editSpec().withNewAffinity()
                .withNewPodAffinity().addNewRequiredDuringSchedulingIgnoredDuringExecution()
                .withTopologyKey("zone").withNewLabelSelector().addToMatchLabels("app", "cache").endLabelSelector()
                .withMatchLabelKeys("job").endRequiredDuringSchedulingIgnoredDuringExecution().endPodAffinity()
                .withNewPodAntiAffinity().addNewPreferredDuringSchedulingIgnoredDuringExecution().withWeight(40)
                .withNewPodAffinityTerm().withTopologyKey("kubernetes.io/hostname").withNewNamespaceSelector()
                .endNamespaceSelector().withNewLabelSelector().addNewMatchExpression().withKey("app")
                .withOperator("In").withValues("web").endMatchExpression().endLabelSelector().endPodAffinityTerm()
                .endPreferredDuringSchedulingIgnoredDuringExecution().endPodAntiAffinity().endAffinity().endSpec()
                .build());

        assertThat(pod.labels()).containsEntry("app", "web");
        var near = pod.constraints().podAffinity().required().get(0);
        assertThat(near.namespaces()).containsExactly("ns");
        assertThat(near.selector().matchLabels()).containsExactlyInAnyOrderEntriesOf(Map.of("app", "cache", "job", "j1"));
        var away = pod.constraints().podAffinity().preferredAnti().get(0);
        assertThat(away.weight()).isEqualTo(40);
        assertThat(away.term().namespaceSelector()).isEqualTo(LabelSelector.EVERYTHING);
        assertThat(away.term().matches(Pod.of("other", "x", Resources.NONE).withLabels(Map.of("app", "web")),
                namespace -> Map.of())).isTrue();
    }

    @Test
    void keepsANamespaceSelectorWithLabelsNextToTheNamedNamespaces() {
        Pod pod = PodTranslator.translate(base().editSpec().withNewAffinity().withNewPodAntiAffinity()
                .addNewRequiredDuringSchedulingIgnoredDuringExecution().withTopologyKey("zone")
                .withNewLabelSelector().addToMatchLabels("app", "web").endLabelSelector().withNamespaces("named")
                .withNewNamespaceSelector().addToMatchLabels("team", "ml").addNewMatchExpression().withKey("tier")
                .withOperator("NotIn").withValues("dev").endMatchExpression().endNamespaceSelector()
                .endRequiredDuringSchedulingIgnoredDuringExecution().endPodAntiAffinity().endAffinity().endSpec()
                .build());

        var term = pod.constraints().podAffinity().requiredAnti().get(0);
        Map<String, Map<String, String>> labels = Map.of("ml-prod", Map.of("team", "ml"),
                "ml-dev", Map.of("team", "ml", "tier", "dev"), "ns", Map.of());
        assertThat(List.of("named", "ml-prod", "ml-dev", "ns", "unknown"))
                .filteredOn(namespace -> term.matches(
                        Pod.of(namespace, "w", Resources.NONE).withLabels(Map.of("app", "web")),
                        known -> labels.getOrDefault(known, Map.of())))
                .containsExactly("named", "ml-prod");
    }

    @Test
    void readsSpreadConstraintsWithKubernetesDefaults() {
        Pod pod = PodTranslator.translate(base().editMetadata().addToLabels("job", "j1").endMetadata().editSpec()
                .addNewTopologySpreadConstraint().withMaxSkew(2).withTopologyKey("zone")
                .withWhenUnsatisfiable("ScheduleAnyway").withMatchLabelKeys("job", "absent").withNewLabelSelector()
                .addToMatchLabels("app", "w").endLabelSelector().endTopologySpreadConstraint().endSpec().build());

        var constraint = pod.constraints().spread().get(0);
        assertThat(constraint.hard()).isFalse();
        assertThat(constraint.maxSkew()).isEqualTo(2);
        assertThat(constraint.minDomains()).isEqualTo(1);
        assertThat(constraint.honourNodeAffinity()).isTrue();
        assertThat(constraint.honourTaints()).isFalse();
        assertThat(constraint.selector().matchLabels()).containsExactlyInAnyOrderEntriesOf(Map.of("app", "w", "job", "j1"));
    }

    @Test
    void refusesMalformedInterPodRulesNamingTheField() {
        assertThatThrownBy(() -> PodTranslator.translate(base().editSpec().addNewTopologySpreadConstraint()
                .withMaxSkew(1).withTopologyKey("zone").withWhenUnsatisfiable("Sometimes").endTopologySpreadConstraint()
                .endSpec().build()))
                .hasMessage("spec.topologySpreadConstraints[0]: whenUnsatisfiable \"Sometimes\" must be DoNotSchedule"
                        + " or ScheduleAnyway");
        assertThatThrownBy(() -> PodTranslator.translate(base().editSpec().withNewAffinity().withNewPodAntiAffinity()
                .addNewRequiredDuringSchedulingIgnoredDuringExecution().withNewLabelSelector().endLabelSelector()
                .endRequiredDuringSchedulingIgnoredDuringExecution().endPodAntiAffinity().endAffinity().endSpec()
                .build()))
                .hasMessage("spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]:"
                        + " pod affinity term without a topologyKey");
        assertThatThrownBy(() -> PodTranslator.translate(base().editSpec().withNewAffinity().withNewPodAffinity()
                .addNewRequiredDuringSchedulingIgnoredDuringExecution().withTopologyKey("zone")
                .withNewNamespaceSelector().addNewMatchExpression().withKey("team").withOperator("Gt")
                .withValues("1").endMatchExpression().endNamespaceSelector()
                .endRequiredDuringSchedulingIgnoredDuringExecution().endPodAffinity().endAffinity().endSpec().build()))
                .hasMessage("spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]:"
                        + " namespaceSelector: label selector on \"team\": Gt and Lt are for node selectors only");
    }

    @Test
    void readsSchedulingGates() {
        Pod pod = PodTranslator.translate(base().editSpec().addNewSchedulingGate("example.com/quota")
                .addNewSchedulingGate("example.com/data").endSpec().build());

        assertThat(pod.schedulingGates()).containsExactly("example.com/quota", "example.com/data");
    }

    @Test
    void readsTheClaimsOfItsVolumesEachOnceAndNamesTheClaimOfAGenericEphemeralVolume() {
        Pod pod = PodTranslator.translate(base().editSpec()
                .addNewVolume().withName("data").withNewPersistentVolumeClaim().withClaimName("shard-3")
                .endPersistentVolumeClaim().endVolume()
                .addNewVolume().withName("again").withNewPersistentVolumeClaim().withClaimName("shard-3")
                .endPersistentVolumeClaim().endVolume()
                .addNewVolume().withName("tmp").withNewEmptyDir().endEmptyDir().endVolume()
                .addNewVolume().withName("scratch").withNewEphemeral().endEphemeral().endVolume()
                .endSpec().build());

        assertThat(pod.claims()).containsExactly("shard-3", pod.id().name() + "-scratch");
        assertThatThrownBy(() -> PodTranslator.translate(base().editSpec().addNewVolume().withName("data")
                .withNewPersistentVolumeClaim().endPersistentVolumeClaim().endVolume().endSpec().build()))
                .hasMessageContaining("spec.volumes \"data\": persistentVolumeClaim.claimName is empty");
    }

    @Test
    void readsStookAnnotations() {
        Pod pod = PodTranslator.translate(base().editMetadata().withAnnotations(Map.of("stook.dev/gang", "train",
                "stook.dev/gang-min-members", "4", "stook.dev/queue", "research.nlp", "stook.dev/preemptible", "false"))
                .endMetadata().build());

        assertThat(pod.gang().id().name()).isEqualTo("train");
        assertThat(pod.gang().minMembers()).isEqualTo(4);
        assertThat(pod.queue()).isEqualTo("research.nlp");
        assertThat(pod.preemptible()).isFalse();
    }

    @Test
    void readsTheChunksThePodReads() {
        Pod pod = PodTranslator.translate(base().editMetadata().withAnnotations(Map.of(
                "stook.dev/data-chunks", "imagenet:0-1023,logs:7", "stook.dev/chunk-bytes", "1048576"))
                .endMetadata().build());

        assertThat(pod.dataReads().chunks().count()).isEqualTo(1025);
        assertThat(pod.dataReads().chunkBytes()).isEqualTo(1_048_576);
        assertThat(pod.dataReads().problem()).isNull();
        assertThat(PodTranslator.translate(base().build()).dataReads().readsData()).isFalse();
    }

    @Test
    void unreadableLocalityCostsOnlyTheLocalityAndSaysWhy() {
        Pod garbage = PodTranslator.translate(base().editMetadata()
                .withAnnotations(Map.of("stook.dev/data-chunks", "imagenet:9-3")).endMetadata().build());
        Pod badSize = PodTranslator.translate(base().editMetadata().withAnnotations(Map.of(
                "stook.dev/data-chunks", "imagenet:0-3", "stook.dev/chunk-bytes", "-5")).endMetadata().build());

        assertThat(garbage.dataReads().readsData()).isFalse();
        assertThat(garbage.dataReads().problem()).contains("stook.dev/data-chunks", "the range ends before it starts");
        assertThat(badSize.dataReads().readsData()).isFalse();
        assertThat(badSize.dataReads().problem()).contains("stook.dev/chunk-bytes \"-5\" must be a whole number of bytes");
    }

    @Test
    void readsANodesCachedChunks() {
        var node = new io.fabric8.kubernetes.api.model.NodeBuilder().withNewMetadata().withName("n")
                .withAnnotations(Map.of("stook.dev/cached-chunks", "imagenet:0-63,other:1-2")).endMetadata().build();
        var bare = new io.fabric8.kubernetes.api.model.NodeBuilder().withNewMetadata().withName("m").endMetadata().build();

        assertThat(NodeTranslator.cachedChunks(node)).hasToString("imagenet:0-63,other:1-2");
        assertThat(NodeTranslator.cachedChunks(bare).isEmpty()).isTrue();
    }

    @Test
    void refusesBadAnnotationsAndQuantitiesWithClearMessages() {
        assertThatThrownBy(() -> PodTranslator.translate(base().editMetadata()
                .withAnnotations(Map.of("stook.dev/preemptible", "maybe")).endMetadata().build()))
                .hasMessageContaining("stook.dev/preemptible \"maybe\" must be \"true\" or \"false\"");
        assertThatThrownBy(() -> PodTranslator.translate(base().editSpec().editFirstContainer().editResources()
                .addToRequests("cpu", new Quantity("lots")).endResources().endContainer().endSpec().build()))
                .hasMessageContaining("cpu");
    }

    @Test
    void aBoundPodWithBadAnnotationsStillCountsItsRequests() {
        Pod pod = PodTranslator.translateBound(base().editMetadata()
                .withAnnotations(Map.of("stook.dev/gang-min-members", "x", "stook.dev/gang", "g")).endMetadata().build());
        assertThat(pod.requests().cpuMillis()).isEqualTo(2000);
    }

    @Test
    void notReadyAndCordonedNodesTakeNoPods() {
        var ready = new io.fabric8.kubernetes.api.model.NodeBuilder().withNewMetadata().withName("n").endMetadata()
                .withNewStatus().addToAllocatable("cpu", new Quantity("4"))
                .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus()
                .withNewSpec().addNewTaint().withKey("k").withValue("v").withEffect("NoSchedule").endTaint().endSpec()
                .build();
        assertThat(NodeTranslator.translate(ready).unschedulable()).isFalse();
        assertThat(NodeTranslator.translate(ready).taints()).hasSize(1);
        ready.getStatus().getConditions().get(0).setStatus("Unknown");
        assertThat(NodeTranslator.translate(ready).unschedulable()).isTrue();
    }
}
