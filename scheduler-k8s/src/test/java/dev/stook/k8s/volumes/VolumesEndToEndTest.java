package dev.stook.k8s.volumes;

import dev.stook.k8s.config.SchedulerConfigLoader;
import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.ControlPlane;
import dev.stook.k8s.testing.real.RealCluster;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorTermBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TopologySelectorTermBuilder;
import io.fabric8.kubernetes.api.model.storage.CSINodeBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pods with PersistentVolumeClaims on the real API server with kube-controller-manager's PersistentVolume
 * controller finishing the bindings Stook starts, and the stock kube-scheduler placing its own copy of the
 * pods and claims beside Stook's as the reference.
 */
class VolumesEndToEndTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String NS = TestCluster.NAMESPACE;
    @RegisterExtension
    final RealCluster cluster = new RealCluster(ControlPlane.Options.FULL);

    private void storageClass(String name, String provisioner, String mode) {
        cluster.client().storage().v1().storageClasses().resource(new StorageClassBuilder().withNewMetadata()
                .withName(name).endMetadata().withProvisioner(provisioner).withVolumeBindingMode(mode).build())
                .createOr(op -> op.update());
    }

    /** A local volume on the node, of the class. */
    private void localVolume(String name, String node, String size, String storageClass) {
        cluster.client().persistentVolumes().resource(new PersistentVolumeBuilder().withNewMetadata().withName(name)
                .endMetadata().withNewSpec().withCapacity(Map.of("storage", new Quantity(size)))
                .withAccessModes("ReadWriteOnce").withStorageClassName(storageClass)
                .withPersistentVolumeReclaimPolicy("Retain").withNewLocal().withPath("/mnt/" + name).endLocal()
                .withNewNodeAffinity().withNewRequired().withNodeSelectorTerms(new NodeSelectorTermBuilder()
                        .withMatchExpressions(new NodeSelectorRequirementBuilder().withKey("kubernetes.io/hostname")
                                .withOperator("In").withValues(node).build()).build())
                .endRequired().endNodeAffinity().endSpec().build()).create();
    }

    private void claim(String name, String storageClass, String size) {
        cluster.client().persistentVolumeClaims().inNamespace(NS).resource(new PersistentVolumeClaimBuilder()
                .withNewMetadata().withNamespace(NS).withName(name).endMetadata().withNewSpec()
                .withAccessModes("ReadWriteOnce").withStorageClassName(storageClass).withNewResources()
                .addToRequests("storage", new Quantity(size)).endResources().endSpec().build()).create();
    }

    private PersistentVolumeClaim claimNamed(String name) {
        return cluster.client().persistentVolumeClaims().inNamespace(NS).withName(name).get();
    }

    private boolean claimBound(String name) {
        PersistentVolumeClaim claim = claimNamed(name);
        return claim != null && claim.getStatus() != null && "Bound".equals(claim.getStatus().getPhase());
    }

    private String nodeOfVolume(String volume) {
        PersistentVolume pv = cluster.client().persistentVolumes().withName(volume).get();
        return pv.getSpec().getNodeAffinity().getRequired().getNodeSelectorTerms().get(0).getMatchExpressions().get(0)
                .getValues().get(0);
    }

    private static PodBuilder using(String name, String claim, String scheduler) {
        return TestCluster.pod(name, "1").editSpec().withSchedulerName(scheduler).addNewVolume().withName("data")
                .withNewPersistentVolumeClaim().withClaimName(claim).endPersistentVolumeClaim().endVolume().endSpec();
    }

    private void awaitMessage(String pod, String part) {
        await().atMost(PATIENCE).until(() -> cluster.podScheduled(pod).map(PodCondition::getMessage)
                .filter(message -> message.contains(part)).isPresent());
    }

    @Test
    void aPodGoesToTheNodeOfTheOnlyLocalVolumeForItsClaimAndTheClaimEndsBoundAsWithKubeScheduler() {
        cluster.node("big", "64", "256Gi");
        cluster.node("small", "4", "16Gi");
        storageClass("local", "kubernetes.io/no-provisioner", "WaitForFirstConsumer");
        localVolume("pv-kube", "small", "10Gi", "local");
        localVolume("pv-stook", "small", "10Gi", "local");
        claim("kube-data", "local", "5Gi");
        claim("stook-data", "local", "5Gi");
        cluster.startScheduler();

        cluster.create(using("kube-reader", "kube-data", "default-scheduler"));
        cluster.create(using("stook-reader", "stook-data", "stook"));

        await().atMost(PATIENCE).until(() -> cluster.isBound("kube-reader") && cluster.isBound("stook-reader"));
        assertThat(cluster.nodeOf("kube-reader")).as("the reference").isEqualTo("small");
        assertThat(cluster.nodeOf("stook-reader")).isEqualTo("small");
        await().atMost(PATIENCE).until(() -> claimBound("stook-data") && claimBound("kube-data"));
        assertThat(claimNamed("stook-data").getSpec().getVolumeName()).isIn("pv-kube", "pv-stook");
    }

    @Test
    void aWaitingClaimWithSeveralCandidatesTakesAVolumeLargeEnoughAndThePodGoesWithIt() {
        cluster.node("n1", "8", "32Gi");
        cluster.node("n2", "8", "32Gi");
        cluster.node("n3", "8", "32Gi");
        storageClass("local", "kubernetes.io/no-provisioner", "WaitForFirstConsumer");
        localVolume("pv-n1-small", "n1", "1Gi", "local");
        localVolume("pv-n2-fit", "n2", "10Gi", "local");
        localVolume("pv-n3-big", "n3", "50Gi", "local");
        localVolume("pv-kube-n2", "n2", "10Gi", "local");
        localVolume("pv-kube-n3", "n3", "50Gi", "local");
        claim("stook-data", "local", "5Gi");
        claim("kube-data", "local", "5Gi");
        cluster.startScheduler();

        cluster.create(using("stook-reader", "stook-data", "stook"));
        cluster.create(using("kube-reader", "kube-data", "default-scheduler"));

        await().atMost(PATIENCE).until(() -> claimBound("stook-data") && cluster.isBound("stook-reader")
                && claimBound("kube-data") && cluster.isBound("kube-reader"));
        String volume = claimNamed("stook-data").getSpec().getVolumeName();
        assertThat(volume).as("any volume large enough: both schedulers' claims may take any")
                .isIn("pv-n2-fit", "pv-n3-big", "pv-kube-n2", "pv-kube-n3");
        assertThat(cluster.nodeOf("stook-reader")).isEqualTo(nodeOfVolume(volume));
        assertThat(cluster.nodeOf("kube-reader")).as("the reference")
                .isEqualTo(nodeOfVolume(claimNamed("kube-data").getSpec().getVolumeName()));
        assertThat(cluster.client().persistentVolumes().withName("pv-n1-small").get().getStatus().getPhase())
                .isEqualTo("Available");
    }

    @Test
    void aGangOfFourEachWithItsOwnLocalVolumeIsBoundWithEveryClaimOnItsMembersNode() {
        for (int i = 0; i < 4; i++) {
            cluster.node("n" + i, "8", "32Gi");
        }
        storageClass("local", "kubernetes.io/no-provisioner", "WaitForFirstConsumer");
        for (int i = 0; i < 4; i++) {
            localVolume("pv-" + i, "n" + i, "10Gi", "local");
            claim("shard-" + i, "local", "10Gi");
        }
        cluster.startScheduler();

        for (int i = 0; i < 4; i++) {
            cluster.create(using("train-" + i, "shard-" + i, "stook").editMetadata()
                    .withAnnotations(Map.of("stook.dev/gang", "train", "stook.dev/gang-min-members", "4"))
                    .endMetadata());
        }

        await().atMost(PATIENCE).until(() -> List.of(0, 1, 2, 3).stream()
                .allMatch(i -> cluster.isBound("train-" + i) && claimBound("shard-" + i)));
        for (int i = 0; i < 4; i++) {
            assertThat(cluster.nodeOf("train-" + i)).as("member " + i)
                    .isEqualTo(nodeOfVolume(claimNamed("shard-" + i).getSpec().getVolumeName()));
        }
        assertThat(List.of(0, 1, 2, 3).stream().map(i -> cluster.nodeOf("train-" + i)).distinct().count())
                .as("one volume, so one member, per node").isEqualTo(4);
    }

    @Test
    void aPodWaitsForItsImmediateClaimAndGoesWhereItsVolumeIsOnceTheControllerBindsIt() {
        cluster.node("big", "64", "256Gi");
        cluster.node("small", "4", "16Gi");
        storageClass("immediate", "kubernetes.io/no-provisioner", "Immediate");
        claim("early", "immediate", "1Gi");
        cluster.startScheduler();
        cluster.create(using("reader", "early", "stook"));

        awaitMessage("reader", "pod has unbound immediate PersistentVolumeClaims");
        assertThat(cluster.isBound("reader")).isFalse();

        localVolume("pv-small", "small", "1Gi", "immediate");
        await().atMost(PATIENCE).until(() -> claimBound("early") && cluster.isBound("reader"));
        assertThat(cluster.nodeOf("reader")).isEqualTo("small");
    }

    @Test
    void aClaimOfAProvisioningClassGetsTheChosenNodeAndThePodIsBoundOnceTheProvisionerMadeItsVolume()
            throws InterruptedException {
        cluster.node("zone-a-1", "8", "32Gi", Map.of("topology.kubernetes.io/zone", "a"));
        cluster.node("zone-b-1", "64", "256Gi", Map.of("topology.kubernetes.io/zone", "b"));
        cluster.client().storage().v1().storageClasses().resource(new StorageClassBuilder().withNewMetadata()
                .withName("provisioned").endMetadata().withProvisioner("example.com/test-disks")
                .withVolumeBindingMode("WaitForFirstConsumer").withAllowedTopologies(new TopologySelectorTermBuilder()
                        .addNewMatchLabelExpression().withKey("topology.kubernetes.io/zone").withValues("a")
                        .endMatchLabelExpression().build()).build()).create();
        claim("scratch", "provisioned", "2Gi");
        AtomicBoolean provisioning = new AtomicBoolean(true);
        Thread provisioner = new Thread(() -> provision(provisioning), "test-provisioner");
        provisioner.start();
        try {
            cluster.startScheduler();
            cluster.create(using("writer", "scratch", "stook"));

            await().atMost(PATIENCE).until(() -> claimBound("scratch") && cluster.isBound("writer"));
            assertThat(cluster.nodeOf("writer")).as("the only zone the class provisions in").isEqualTo("zone-a-1");
            assertThat(claimNamed("scratch").getMetadata().getAnnotations())
                    .containsEntry("volume.kubernetes.io/selected-node", "zone-a-1");
        } finally {
            provisioning.set(false);
            provisioner.join(10_000);
        }
    }

    @Test
    void aClaimNotProvisionedInTimeLeavesThePodUnboundWithTheReasonAndItIsBoundOnceAProvisionerComes()
            throws InterruptedException {
        cluster.node("n1", "8", "32Gi");
        storageClass("provisioned", "example.com/test-disks", "WaitForFirstConsumer");
        claim("scratch", "provisioned", "1Gi");
        cluster.startScheduler(SchedulerConfigLoader.parse(TestCluster.TEST_CONFIG + "volumeBindTimeout: 1s\n",
                "test config"));
        cluster.create(using("writer", "scratch", "stook"));

        await().atMost(PATIENCE).until(() -> cluster.podScheduled("writer").filter(c -> "SchedulerError"
                .equals(c.getReason()) && c.getMessage().contains("binding volumes: persistentvolumeclaim \"scratch\""
                + " was not bound within 1 s")).isPresent());
        assertThat(cluster.isBound("writer")).isFalse();

        AtomicBoolean provisioning = new AtomicBoolean(true);
        Thread provisioner = new Thread(() -> provision(provisioning), "test-provisioner");
        provisioner.start();
        try {
            await().atMost(PATIENCE).until(() -> claimBound("scratch") && cluster.isBound("writer"));
            assertThat(cluster.nodeOf("writer")).isEqualTo("n1");
        } finally {
            provisioning.set(false);
            provisioner.join(10_000);
        }
    }

    @Test
    void aPodWhoseClaimWaitsForAProvisionerHoldsBackNoOtherPodsBinding() {
        cluster.node("n1", "8", "32Gi");
        storageClass("provisioned", "example.com/never-provisions", "WaitForFirstConsumer");
        claim("scratch", "provisioned", "1Gi");
        cluster.startScheduler(SchedulerConfigLoader.parse(TestCluster.TEST_CONFIG
                + "bindConcurrency: 1\nvolumeBindTimeout: 10m\n", "test config"));
        cluster.create(using("writer", "scratch", "stook"));
        await().atMost(PATIENCE).until(() -> claimNamed("scratch").getMetadata().getAnnotations() != null
                && claimNamed("scratch").getMetadata().getAnnotations()
                        .containsKey("volume.kubernetes.io/selected-node"));

        cluster.create(TestCluster.pod("plain", "1"));

        await().atMost(PATIENCE).until(() -> cluster.isBound("plain"));
        assertThat(cluster.isBound("writer")).as("still waiting for its volume").isFalse();
    }

    /**
     * A provisioner as small as can be: for each claim of its class with a selected node, it makes a volume on
     * that node, pre-bound to the claim, and leaves the binding to the PersistentVolume controller.
     */
    private void provision(AtomicBoolean running) {
        while (running.get()) {
            for (PersistentVolumeClaim claim : cluster.client().persistentVolumeClaims().inNamespace(NS).list()
                    .getItems()) {
                Map<String, String> annotations = claim.getMetadata().getAnnotations();
                String node = annotations == null ? null : annotations.get("volume.kubernetes.io/selected-node");
                String name = "pvc-" + claim.getMetadata().getUid();
                if (node == null || !"provisioned".equals(claim.getSpec().getStorageClassName())
                        || cluster.client().persistentVolumes().withName(name).get() != null) {
                    continue;
                }
                cluster.client().persistentVolumes().resource(new PersistentVolumeBuilder().withNewMetadata()
                        .withName(name).endMetadata().withNewSpec()
                        .withCapacity(claim.getSpec().getResources().getRequests())
                        .withAccessModes(claim.getSpec().getAccessModes()).withStorageClassName("provisioned")
                        .withNewClaimRef().withNamespace(NS).withName(claim.getMetadata().getName())
                        .withUid(claim.getMetadata().getUid()).endClaimRef()
                        .withNewLocal().withPath("/mnt/" + name).endLocal().withNewNodeAffinity().withNewRequired()
                        .withNodeSelectorTerms(new NodeSelectorTermBuilder().withMatchExpressions(
                                new NodeSelectorRequirementBuilder().withKey("kubernetes.io/hostname")
                                        .withOperator("In").withValues(node).build()).build())
                        .endRequired().endNodeAffinity().endSpec().build()).create();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** A CSI volume with its handle, pre-bound to the claim of the same name (which then binds at once). */
    private void csiVolumeAndClaim(String name) {
        cluster.client().persistentVolumes().resource(new PersistentVolumeBuilder().withNewMetadata().withName(name)
                .endMetadata().withNewSpec().withCapacity(Map.of("storage", new Quantity("1Gi")))
                .withAccessModes("ReadWriteOnce").withStorageClassName("").withNewCsi().withDriver("csi.example.com")
                .withVolumeHandle("handle-" + name).endCsi().withNewClaimRef().withNamespace(NS).withName(name)
                .endClaimRef().endSpec().build()).create();
        claim(name, "", "1Gi");
    }

    @Test
    void aNodeWhoseCsiDriverMayAttachNoMoreVolumesIsPassedOverAsByKubeScheduler() {
        cluster.node("big", "64", "256Gi");
        cluster.node("small", "8", "32Gi");
        cluster.client().storage().v1().csiNodes().resource(new CSINodeBuilder().withNewMetadata().withName("big")
                .endMetadata().withNewSpec().addNewDriver().withName("csi.example.com").withNodeID("big")
                .withNewAllocatable().withCount(1).endAllocatable().endDriver().endSpec().build()).create();
        for (String name : List.of("attached", "stook-disk", "kube-disk")) {
            csiVolumeAndClaim(name);
        }
        await().atMost(PATIENCE).until(() -> claimBound("attached") && claimBound("stook-disk")
                && claimBound("kube-disk"));
        cluster.create(using("running", "attached", "stook").editSpec().withNodeName("big").endSpec());
        cluster.startScheduler();

        cluster.create(using("stook-writer", "stook-disk", "stook"));
        cluster.create(using("kube-writer", "kube-disk", "default-scheduler"));

        await().atMost(PATIENCE).until(() -> cluster.isBound("stook-writer") && cluster.isBound("kube-writer"));
        assertThat(cluster.nodeOf("kube-writer")).as("the reference").isEqualTo("small");
        assertThat(cluster.nodeOf("stook-writer")).isEqualTo("small");
    }

    @Test
    void aClaimNamingAMissingClassAndAVolumeWithUnsupportedNodeAffinityAreSaidAndOtherPodsAreScheduled() {
        cluster.node("n1", "8", "32Gi");
        claim("classless", "missing", "1Gi");
        cluster.client().persistentVolumes().resource(new PersistentVolumeBuilder().withNewMetadata()
                .withName("pv-fields").endMetadata().withNewSpec().withCapacity(Map.of("storage", new Quantity("1Gi")))
                .withAccessModes("ReadWriteOnce").withStorageClassName("").withNewLocal().withPath("/mnt/f").endLocal()
                .withNewClaimRef().withNamespace(NS).withName("pinned").endClaimRef()
                .withNewNodeAffinity().withNewRequired().withNodeSelectorTerms(new NodeSelectorTermBuilder()
                        .withMatchFields(new NodeSelectorRequirementBuilder().withKey("metadata.name")
                                .withOperator("In").withValues("n1").build()).build())
                .endRequired().endNodeAffinity().endSpec().build()).create();
        claim("pinned", "", "1Gi");
        cluster.startScheduler();

        cluster.create(using("lost", "classless", "stook"));
        cluster.create(using("fielded", "pinned", "stook"));
        cluster.create(TestCluster.pod("plain", "1"));

        awaitMessage("lost", "storageclass.storage.k8s.io \"missing\" not found");
        awaitMessage("fielded", "persistentvolume \"pv-fields\" of persistentvolumeclaim \"pinned\" has unusable"
                + " node affinity");
        await().atMost(PATIENCE).until(() -> cluster.isBound("plain"));
        assertThat(cluster.isBound("lost")).isFalse();
        assertThat(cluster.isBound("fielded")).isFalse();
    }
}
