package dev.stook.k8s.watch;

import dev.stook.k8s.translate.NodeTranslator;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NodeTrimmerTest {
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private static Node fullNode() {
        return new NodeBuilder().withNewMetadata().withName("node-7")
                .withLabels(Map.of("zone", "a", "pool", "gpu"))
                .withAnnotations(Map.of("stook.dev/cached-chunks", "imagenet:0-63"))
                .withManagedFields(new ManagedFieldsEntryBuilder().withManager("kubelet").withOperation("Update")
                        .withApiVersion("v1").withFieldsType("FieldsV1").build())
                .endMetadata()
                .withNewSpec().withUnschedulable(false)
                .addNewTaint().withKey("gpu").withValue("true").withEffect("NoSchedule").endTaint().endSpec()
                .withNewStatus().addToAllocatable("cpu", new Quantity("32")).addToAllocatable("memory", new Quantity("128Gi"))
                .addToAllocatable("pods", new Quantity("110")).addToCapacity("cpu", new Quantity("32"))
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .addNewImage().withNames("registry.example/trainer:1.2").withSizeBytes(4_000_000_000L).endImage()
                .addNewAddress().withType("InternalIP").withAddress("192.168.0.3").endAddress()
                .withVolumesInUse("kubernetes.io/csi/disk-1")
                .endStatus().build();
    }

    @Test
    void aTrimmedNodeTranslatesAsTheFullOne() {
        Node full = fullNode();
        Node trimmed = NodeTrimmer.trim(JSON.clone(full));

        assertThat(NodeTranslator.translate(trimmed)).usingRecursiveComparison().isEqualTo(NodeTranslator.translate(full));
        assertThat(NodeTranslator.cachedChunks(trimmed)).usingRecursiveComparison()
                .isEqualTo(NodeTranslator.cachedChunks(full));
    }

    @Test
    void dropsImagesAddressesAndManagedFields() {
        Node trimmed = NodeTrimmer.trim(fullNode());

        assertThat(trimmed.getStatus().getImages()).isNullOrEmpty();
        assertThat(trimmed.getStatus().getAddresses()).isNullOrEmpty();
        assertThat(trimmed.getStatus().getVolumesInUse()).isNullOrEmpty();
        assertThat(trimmed.getMetadata().getManagedFields()).isNullOrEmpty();
    }
}
