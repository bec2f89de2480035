package dev.stook.k8s.translate;

import dev.stook.core.model.LabelSelector;
import dev.stook.core.volume.AccessMode;
import dev.stook.core.volume.Claim;
import dev.stook.core.volume.PersistentVolume;
import dev.stook.core.volume.StorageClass;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorTermBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TopologySelectorTermBuilder;
import io.fabric8.kubernetes.api.model.storage.CSINodeBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StorageTranslatorTest {
    private static final long GI = 1L << 30;

    private static PersistentVolumeBuilder volume() {
        return new PersistentVolumeBuilder().withNewMetadata().withName("pv-1").addToLabels("tier", "ssd")
                .endMetadata().withNewSpec().withCapacity(Map.of("storage", new Quantity("10Gi")))
                .withAccessModes("ReadWriteOnce", "ReadOnlyMany").withStorageClassName("local").endSpec()
                .withNewStatus().withPhase("Available").endStatus();
    }

    @Test
    void readsAClaimsClassVolumeModesSizeAndSelector() {
        Claim claim = StorageTranslator.claim(new PersistentVolumeClaimBuilder().withNewMetadata()
                .withNamespace("ml").withName("data").withUid("u1").endMetadata().withNewSpec()
                .withStorageClassName("local").withAccessModes("ReadWriteOncePod").withNewResources()
                .addToRequests("storage", new Quantity("5Gi")).endResources().withNewSelector()
                .addToMatchLabels("tier", "ssd").endSelector().endSpec().build());

        assertThat(claim).isEqualTo(new Claim("ml", "data", "u1", "local", null,
                Set.of(AccessMode.READ_WRITE_ONCE_POD), 5 * GI, new LabelSelector(Map.of("tier", "ssd"), List.of()),
                false));
    }

    @Test
    void aClaimWithAnUnreadableSizeOrSelectorMatchesNoVolume() {
        Claim claim = StorageTranslator.claim(new PersistentVolumeClaimBuilder().withNewMetadata()
                .withNamespace("ml").withName("data").endMetadata().withNewSpec().withNewResources()
                .addToRequests("storage", new Quantity("lots")).endResources().withNewSelector()
                .addNewMatchExpression().withKey("tier").withOperator("Near").endMatchExpression().endSelector()
                .endSpec().build());

        assertThat(claim.requestBytes()).isEqualTo(Long.MAX_VALUE);
        assertThat(claim.selector()).isEqualTo(LabelSelector.NOTHING);
        assertThat(claim.storageClass()).as("no class named").isEmpty();
    }

    @Test
    void readsAVolumesCapacityModesClassAffinityClaimAndPhase() {
        PersistentVolume pv = StorageTranslator.volume(volume().editSpec().withNewClaimRef().withNamespace("ml")
                .withName("data").withUid("u1").endClaimRef().withNewNodeAffinity().withNewRequired()
                .withNodeSelectorTerms(new NodeSelectorTermBuilder().withMatchExpressions(
                        new NodeSelectorRequirementBuilder().withKey("kubernetes.io/hostname").withOperator("In")
                                .withValues("n1").build()).build()).endRequired().endNodeAffinity().endSpec()
                .build());

        assertThat(pv.capacityBytes()).isEqualTo(10 * GI);
        assertThat(pv.accessModes()).containsExactlyInAnyOrder(AccessMode.READ_WRITE_ONCE, AccessMode.READ_ONLY_MANY);
        assertThat(pv.storageClass()).isEqualTo("local");
        assertThat(pv.claimRef()).isEqualTo("ml/data");
        assertThat(pv.claimUid()).isEqualTo("u1");
        assertThat(pv.available()).isTrue();
        assertThat(pv.labels()).containsEntry("tier", "ssd");
        assertThat(pv.reachableFrom(Map.of("kubernetes.io/hostname", "n1"))).isTrue();
        assertThat(pv.reachableFrom(Map.of("kubernetes.io/hostname", "n2"))).isFalse();
    }

    @Test
    void readsACsiVolumesDriverAndHandleAndACsiNodesAttachLimits() {
        PersistentVolume pv = StorageTranslator.volume(volume().editSpec().withNewCsi().withDriver("csi.example.com")
                .withVolumeHandle("vol-7").endCsi().endSpec().build());

        assertThat(pv.csiDriver()).isEqualTo("csi.example.com");
        assertThat(pv.volumeHandle()).isEqualTo("vol-7");
        assertThat(StorageTranslator.attachLimits(new CSINodeBuilder().withNewMetadata().withName("n1").endMetadata()
                .withNewSpec().addNewDriver().withName("csi.example.com").withNodeID("n1").withNewAllocatable()
                .withCount(16).endAllocatable().endDriver().addNewDriver().withName("unlimited.example.com")
                .withNodeID("n1").endDriver().endSpec().build())).isEqualTo(Map.of("csi.example.com", 16));
    }

    @Test
    void aVolumeWhoseNodeAffinityCannotBeReadIsReachableFromNoNodeAndSaysWhy() {
        PersistentVolume byField = StorageTranslator.volume(volume().editSpec().withNewNodeAffinity()
                .withNewRequired().withNodeSelectorTerms(new NodeSelectorTermBuilder().withMatchFields(
                        new NodeSelectorRequirementBuilder().withKey("metadata.name").withOperator("In")
                                .withValues("n1").build()).build()).endRequired().endNodeAffinity().endSpec().build());
        PersistentVolume badOperator = StorageTranslator.volume(volume().editSpec().withNewNodeAffinity()
                .withNewRequired().withNodeSelectorTerms(new NodeSelectorTermBuilder().withMatchExpressions(
                        new NodeSelectorRequirementBuilder().withKey("zone").withOperator("Near").build()).build())
                .endRequired().endNodeAffinity().endSpec().build());

        assertThat(byField.affinityProblem()).contains("matchFields is not supported");
        assertThat(byField.reachableFrom(Map.of("kubernetes.io/hostname", "n1"))).isFalse();
        assertThat(badOperator.affinityProblem()).contains("unknown node selector operator \"Near\"");
    }

    @Test
    void readsAStorageClassesModeProvisionerAndAllowedTopologies() {
        StorageClass waiting = StorageTranslator.storageClass(new StorageClassBuilder().withNewMetadata()
                .withName("zonal").endMetadata().withProvisioner("example.com/disks")
                .withVolumeBindingMode("WaitForFirstConsumer").withAllowedTopologies(new TopologySelectorTermBuilder()
                        .addNewMatchLabelExpression().withKey("topology.kubernetes.io/zone").withValues("a", "b")
                        .endMatchLabelExpression().build()).build());
        StorageClass immediate = StorageTranslator.storageClass(new StorageClassBuilder().withNewMetadata()
                .withName("standard").endMetadata().withProvisioner("example.com/disks").build());

        assertThat(waiting.waitForFirstConsumer()).isTrue();
        assertThat(waiting.mayProvisionFor(Map.of("topology.kubernetes.io/zone", "b"))).isTrue();
        assertThat(waiting.mayProvisionFor(Map.of("topology.kubernetes.io/zone", "c"))).isFalse();
        assertThat(immediate.waitForFirstConsumer()).as("Immediate is the default").isFalse();
        assertThat(immediate.mayProvisionFor(Map.of())).isTrue();
    }
}
