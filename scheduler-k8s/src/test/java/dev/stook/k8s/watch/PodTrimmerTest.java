package dev.stook.k8s.watch;

import dev.stook.core.model.ResourceNames;
import dev.stook.k8s.translate.PodTranslator;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PodTrimmerTest {
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    /** Pods may ask only for resources some node offers, as one with GPUs does here. */
    @BeforeAll
    static void aNodeOffersGpus() {
        ResourceNames.indexOf("nvidia.com/gpu");
    }

    /** A pod as a real server sends it, with every field Stook reads and the bulk it does not. */
    static PodBuilder fullPod() {
        return new PodBuilder().withNewMetadata().withNamespace("ml-team").withName("train-42-3").withUid("u-1")
                .withCreationTimestamp("2026-01-02T03:04:05Z").withResourceVersion("17")
                .withLabels(Map.of("app", "train", "stook.dev/queue", "research.nlp"))
                .withAnnotations(Map.of("stook.dev/gang", "train-42", "stook.dev/gang-min-members", "4",
                        "stook.dev/data-chunks", "imagenet:0-15", "stook.dev/preemptible", "false",
                        MetadataTrimmer.LAST_APPLIED, "{\"apiVersion\":\"v1\",\"kind\":\"Pod\"}"))
                .addNewOwnerReference().withApiVersion("batch/v1").withKind("Job").withName("train-42")
                .withUid("j-1").withController(true).endOwnerReference()
                .withManagedFields(new ManagedFieldsEntryBuilder().withManager("kubectl").withOperation("Update")
                        .withApiVersion("v1").withFieldsType("FieldsV1").build())
                .endMetadata()
                .withNewSpec().withSchedulerName("stook").withPriority(100).withPreemptionPolicy("Never")
                .withTerminationGracePeriodSeconds(45L)
                .addNewContainer().withName("main").withImage("trainer:1.2").withCommand("python", "train.py")
                .addNewEnv().withName("EPOCHS").withValue("90").endEnv()
                .addNewVolumeMount().withName("data").withMountPath("/data").endVolumeMount()
                .addNewPort().withContainerPort(8080).withHostPort(9100).endPort()
                .withNewLivenessProbe().withNewExec().withCommand("true").endExec().endLivenessProbe()
                .withNewResources().addToRequests("cpu", new Quantity("4")).addToRequests("memory", new Quantity("16Gi"))
                .addToRequests("nvidia.com/gpu", new Quantity("1")).addToLimits("nvidia.com/gpu", new Quantity("1"))
                .endResources().endContainer()
                .addNewInitContainer().withName("fetch").withImage("fetcher").withRestartPolicy("Always")
                .withNewResources().addToRequests("cpu", new Quantity("500m")).endResources().endInitContainer()
                .addNewInitContainer().withName("setup").withImage("setup")
                .withNewResources().addToRequests("cpu", new Quantity("8")).endResources().endInitContainer()
                .withOverhead(Map.of("memory", new Quantity("100Mi")))
                .withNodeSelector(Map.of("pool", "gpu"))
                .withNewAffinity().withNewNodeAffinity().withNewRequiredDuringSchedulingIgnoredDuringExecution()
                .addNewNodeSelectorTerm().addNewMatchExpression().withKey("zone").withOperator("In")
                .withValues("a", "b").endMatchExpression().endNodeSelectorTerm()
                .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity()
                .addNewToleration().withKey("gpu").withOperator("Exists").withEffect("NoSchedule").endToleration()
                .addNewSchedulingGate().withName("quota").endSchedulingGate()
                .addNewVolume().withName("data").withNewEmptyDir().endEmptyDir().endVolume()
                .endSpec()
                .withNewStatus().withPhase("Pending").withPodIP("10.0.0.7").withHostIP("192.168.0.3")
                .addNewCondition().withType("PodScheduled").withStatus("False").withReason("Unschedulable")
                .withMessage("0/3 nodes fit").endCondition()
                .addNewContainerStatus().withName("main").withImage("trainer:1.2").withReady(false)
                .withRestartCount(0).endContainerStatus()
                .endStatus();
    }

    @Test
    void aTrimmedPodTranslatesAsTheFullOne() {
        for (Pod full : new Pod[] {fullPod().build(),
                fullPod().editSpec().withNodeName("node-7").endSpec().editStatus().withPhase("Running").endStatus().build(),
                fullPod().editSpec().withInitContainers().withAffinity(null).endSpec().withStatus(null).build()}) {
            Pod trimmed = PodTrimmer.trim(JSON.clone(full));

            assertThat(PodTranslator.translate(trimmed)).usingRecursiveComparison()
                    .isEqualTo(PodTranslator.translate(full));
            assertThat(PodTranslator.translateBound(trimmed)).usingRecursiveComparison()
                    .isEqualTo(PodTranslator.translateBound(full));
        }
    }

    @Test
    void keepsWhatStatusWritesAndEvictionsSendBack() {
        Pod trimmed = PodTrimmer.trim(fullPod().build());

        assertThat(trimmed.getMetadata().getUid()).isEqualTo("u-1");
        assertThat(trimmed.getStatus().getConditions()).hasSize(1);
        assertThat(trimmed.getStatus().getPhase()).isEqualTo("Pending");
        assertThat(trimmed.getSpec().getTerminationGracePeriodSeconds()).isEqualTo(45L);
        assertThat(trimmed.getMetadata().getAnnotations()).containsKey("stook.dev/gang")
                .doesNotContainKey(MetadataTrimmer.LAST_APPLIED);
    }

    @Test
    void dropsWhatNothingReads() {
        Pod full = fullPod().build();
        Pod trimmed = PodTrimmer.trim(JSON.clone(full));

        assertThat(trimmed.getMetadata().getManagedFields()).isNullOrEmpty();
        assertThat(trimmed.getSpec().getVolumes()).isNullOrEmpty();
        assertThat(trimmed.getSpec().getContainers().get(0).getImage()).isNull();
        assertThat(trimmed.getSpec().getContainers().get(0).getEnv()).isNullOrEmpty();
        assertThat(trimmed.getStatus().getContainerStatuses()).isNullOrEmpty();
        assertThat(trimmed.getStatus().getPodIP()).isNull();
        assertThat(JSON.asJson(trimmed).length()).isLessThan(JSON.asJson(full).length() * 3 / 4);
    }
}
