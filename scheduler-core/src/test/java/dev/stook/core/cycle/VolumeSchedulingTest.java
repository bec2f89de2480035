package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.model.Node;
import dev.stook.core.model.NodeSelectorRequirement;
import dev.stook.core.model.NodeSelectorTerm;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.plugins.PluginProfile;
import dev.stook.core.volume.AccessMode;
import dev.stook.core.volume.Claim;
import dev.stook.core.volume.PersistentVolume;
import dev.stook.core.volume.StorageClass;
import dev.stook.core.volume.VolumeNeeds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.stook.core.Fixtures.member;
import static dev.stook.core.Fixtures.node;
import static dev.stook.core.Fixtures.pod;
import static dev.stook.core.cycle.SchedulerTest.binds;
import static dev.stook.core.cycle.SchedulerTest.waits;
import static dev.stook.core.volume.Volumes.GI;
import static dev.stook.core.volume.Volumes.boundClaim;
import static dev.stook.core.volume.Volumes.claim;
import static dev.stook.core.volume.Volumes.immediateClass;
import static dev.stook.core.volume.Volumes.localVolume;
import static dev.stook.core.volume.Volumes.waitingClass;
import static org.assertj.core.api.Assertions.assertThat;

/** Pods with PersistentVolumeClaims placed as kube-scheduler's VolumeBinding and VolumeZone filters place them. */
class VolumeSchedulingTest {
    private final ClusterState cluster = new ClusterState();
    private final Scheduler scheduler = new Scheduler(cluster, PluginProfile.standard(), SchedulerSettings.DEFAULTS,
            () -> 0);

    @BeforeEach
    void nodes() {
        // n1 is the emptiest and largest, so the resource scorers would always pick it
        cluster.upsertNode(host(node("n1", "64", "256Gi"), "zone-a"));
        cluster.upsertNode(host(node("n2", "8", "32Gi"), "zone-a"));
        cluster.upsertNode(host(node("n3", "8", "32Gi"), "zone-b"));
        cluster.updateStorageClass("local", waitingClass("local", StorageClass.NO_PROVISIONER));
    }

    private static Node host(Node node, String zone) {
        return node.withLabels(Map.of("kubernetes.io/hostname", node.name(), "topology.kubernetes.io/zone", zone));
    }

    private static Pod using(String name, String... claims) {
        return pod(name, "1", "1Gi").withClaims(List.of(claims));
    }

    @Test
    void aPodWhoseClaimIsBoundToALocalVolumeGoesToThatVolumesNode() {
        cluster.updateVolume("pv-n2", localVolume("pv-n2", "n2", GI));
        cluster.updateClaim("default", "data", boundClaim("data", "pv-n2"));
        scheduler.submit(using("reader", "data"));

        assertThat(binds(scheduler.runCycle())).containsExactly("default/reader->n2");
    }

    @Test
    void aBoundVolumeNoNodeReachesIsANodeAffinityConflictOnEveryNode() {
        cluster.updateVolume("pv-gone", localVolume("pv-gone", "n9", GI));
        cluster.updateClaim("default", "data", boundClaim("data", "pv-gone"));
        scheduler.submit(using("reader", "data"));

        assertThat(waits(scheduler.runCycle())).containsExactly(
                "default/reader: 0/3 nodes fit: 3 node(s) had volume node affinity conflict");
    }

    @Test
    void anUnboundClaimOfAnImmediateClassKeepsThePodWaitingUntilItIsBound() {
        cluster.updateStorageClass("standard", immediateClass("standard"));
        cluster.updateClaim("default", "data", claim("data", "standard", GI));
        scheduler.submit(using("reader", "data"));

        assertThat(waits(scheduler.runCycle())).containsExactly(
                "default/reader: 0/3 nodes fit: 3 pod has unbound immediate PersistentVolumeClaims");

        cluster.updateVolume("pv-n3", localVolume("pv-n3", "n3", GI));
        cluster.updateClaim("default", "data", boundClaim("data", "pv-n3"));
        assertThat(binds(scheduler.runCycle())).as("the claim's change is a reason to try again")
                .containsExactly("default/reader->n3");
    }

    @Test
    void aMissingClaimOrClassIsSaidInKubeSchedulersWords() {
        scheduler.submit(using("lost", "nowhere"));
        cluster.updateClaim("default", "fast", claim("fast", "ssd", GI));
        scheduler.submit(using("classless", "fast"));

        assertThat(waits(scheduler.runCycle())).containsExactlyInAnyOrder(
                "default/lost: 0/3 nodes fit: 3 persistentvolumeclaim \"nowhere\" not found",
                "default/classless: 0/3 nodes fit: 3 storageclass.storage.k8s.io \"ssd\" not found");
    }

    @Test
    void aWaitingClaimGoesWhereAMatchingFreeVolumeIsAndTakesTheSmallestThatFits() {
        cluster.updateVolume("pv-n3-small", localVolume("pv-n3-small", "n3", GI / 2));
        cluster.updateVolume("pv-n3-big", localVolume("pv-n3-big", "n3", 100 * GI));
        cluster.updateVolume("pv-n3-fit", localVolume("pv-n3-fit", "n3", 2 * GI));
        cluster.updateClaim("default", "data", claim("data", "local", GI));
        scheduler.submit(using("reader", "data"));

        assertThat(binds(scheduler.runCycle())).containsExactly("default/reader->n3");
        assertThat(cluster.volumeChoices(new PodId("default", "reader")))
                .extracting(VolumeNeeds.Choice::volume).containsExactly("pv-n3-fit");
    }

    @Test
    void volumesOfAnotherClassOrWithTooFewAccessModesOrLabelsTheSelectorWantsDoNotMatch() {
        cluster.updateVolume("pv-other-class", new PersistentVolume("pv-other-class", GI,
                Set.of(AccessMode.READ_WRITE_ONCE), "other", List.of(), null, null, null, true, Map.of()));
        cluster.updateVolume("pv-read-only", new PersistentVolume("pv-read-only", GI,
                Set.of(AccessMode.READ_ONLY_MANY), "local", List.of(), null, null, null, true, Map.of()));
        cluster.updateVolume("pv-taken", new PersistentVolume("pv-taken", GI,
                Set.of(AccessMode.READ_WRITE_ONCE), "local", List.of(), null, "other/claim", null, false, Map.of()));
        cluster.updateClaim("default", "data", claim("data", "local", GI));
        scheduler.submit(using("reader", "data"));

        assertThat(waits(scheduler.runCycle())).containsExactly("default/reader: 0/3 nodes fit: 3 node(s) didn't"
                + " find available persistent volumes to bind");
    }

    @Test
    void aClassWithAProvisionerProvisionsOnlyWhereItsAllowedTopologiesReach() {
        cluster.updateStorageClass("zonal", waitingClass("zonal", "example.com/disks", new NodeSelectorTerm(List.of(
                new NodeSelectorRequirement("topology.kubernetes.io/zone", NodeSelectorRequirement.Operator.IN,
                        List.of("zone-b"))))));
        cluster.updateClaim("default", "scratch", claim("scratch", "zonal", 10 * GI));
        scheduler.submit(using("writer", "scratch"));

        assertThat(binds(scheduler.runCycle())).containsExactly("default/writer->n3");
        assertThat(cluster.volumeChoices(new PodId("default", "writer"))).singleElement()
                .satisfies(choice -> assertThat(choice.volume()).as("provisioned, not a volume").isNull());
    }

    @Test
    void twoMembersOfAGangNeverCountOnTheSameVolumeAndAGangShortOfVolumesIsNotAdmitted() {
        cluster.updateVolume("pv-a", localVolume("pv-a", "n2", GI));
        cluster.updateVolume("pv-b", localVolume("pv-b", "n2", GI));
        for (int i = 0; i < 3; i++) {
            cluster.updateClaim("default", "shard-" + i, claim("shard-" + i, "local", GI));
            scheduler.submit(member("readers", i, 3, "1", 0).withClaims(List.of("shard-" + i)));
        }
        List<Decision> first = scheduler.runCycle();
        assertThat(binds(first)).as("three members, two volumes").isEmpty();
        assertThat(waits(first).get(0)).contains("gang default/readers: 2/3 members placeable")
                .contains("node(s) didn't find available persistent volumes to bind");

        cluster.updateVolume("pv-c", localVolume("pv-c", "n3", GI));
        assertThat(binds(scheduler.runCycle())).extracting(bind -> bind.substring(bind.indexOf("->") + 2))
                .as("two members beside n2's volumes, one beside n3's").containsExactlyInAnyOrder("n2", "n2", "n3");
        assertThat(List.of(0, 1, 2)).flatExtracting(i -> cluster.volumeChoices(new PodId("default", "readers-" + i)))
                .extracting(VolumeNeeds.Choice::volume).containsExactlyInAnyOrder("pv-a", "pv-b", "pv-c");
    }

    @Test
    void aVolumeChosenForAnAssumedPodIsNotFreeForTheNextCycleAndIsFreedWhenTheBindingIsForgotten() {
        cluster.updateVolume("pv-only", localVolume("pv-only", "n2", GI));
        cluster.updateClaim("default", "first", claim("first", "local", GI));
        cluster.updateClaim("default", "second", claim("second", "local", GI));
        scheduler.submit(using("first", "first"));
        assertThat(binds(scheduler.runCycle())).containsExactly("default/first->n2");

        scheduler.submit(using("second", "second"));
        assertThat(binds(scheduler.runCycle())).isEmpty();

        cluster.forget(new PodId("default", "first"));
        assertThat(binds(scheduler.runCycle())).containsExactly("default/second->n2");
    }

    @Test
    void aBoundVolumeLabelledWithAZoneKeepsThePodInThatZone() {
        cluster.updateVolume("pv-zonal", new PersistentVolume("pv-zonal", GI, Set.of(AccessMode.READ_WRITE_ONCE),
                "local", List.of(), null, "default/data", null, false,
                Map.of("failure-domain.beta.kubernetes.io/zone", "zone-b__zone-c")));
        cluster.updateClaim("default", "data", boundClaim("data", "pv-zonal"));
        scheduler.submit(using("reader", "data"));

        assertThat(binds(scheduler.runCycle())).containsExactly("default/reader->n3");
    }

    @Test
    void aVolumeWhoseNodeAffinityCannotBeReadIsNamedAndOtherPodsAreScheduled() {
        cluster.updateVolume("pv-bad", new PersistentVolume("pv-bad", GI, Set.of(AccessMode.READ_WRITE_ONCE),
                "local", List.of(), "matchFields is not supported", "default/data", null, false, Map.of()));
        cluster.updateClaim("default", "data", boundClaim("data", "pv-bad"));
        scheduler.submit(using("reader", "data"));
        scheduler.submit(pod("plain", "1", "1Gi").createdAt(1));

        List<Decision> decisions = scheduler.runCycle();
        assertThat(waits(decisions)).containsExactly("default/reader: 0/3 nodes fit: 3 persistentvolume \"pv-bad\" of"
                + " persistentvolumeclaim \"data\" has unusable node affinity: matchFields is not supported");
        assertThat(binds(decisions)).containsExactly("default/plain->n1");
    }

    @Test
    void aReadWriteOncePodClaimServesOnePodAtATimeEvenInsideAGang() {
        cluster.updateVolume("pv-n2", localVolume("pv-n2", "n2", GI));
        cluster.updateClaim("default", "solo", new Claim("default", "solo", "u", "local", "pv-n2",
                Set.of(AccessMode.READ_WRITE_ONCE_POD), GI, null, false));
        for (int i = 0; i < 2; i++) {
            scheduler.submit(member("pair", i, 2, "1", 0).withClaims(List.of("solo")));
        }
        List<Decision> decisions = scheduler.runCycle();
        assertThat(binds(decisions)).isEmpty();
        assertThat(waits(decisions).get(0)).contains("gang default/pair: 1/2 members placeable").contains("1 node has"
                + " pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode");

        Pod holder = using("holder", "solo");
        cluster.podBound(holder, "n2");
        scheduler.submit(using("second", "solo").createdAt(5));
        assertThat(waits(scheduler.runCycle())).contains("default/second: 0/3 nodes fit: 2 node(s) had volume node"
                + " affinity conflict, 1 node has pod using PersistentVolumeClaim with the same name and"
                + " ReadWriteOncePod access mode");

        cluster.removePod(holder.id());
        assertThat(binds(scheduler.runCycle())).contains("default/second->n2");
    }

    @Test
    void aNodeTakesNoMoreVolumesOfADriverThanItsCsiNodeAllowsCountingProvisionedClaimsAndTrialPlacements() {
        cluster.updateStorageClass("disks", waitingClass("disks", "csi.example.com"));
        cluster.updateAttachLimits("n1", Map.of("csi.example.com", 2));
        cluster.updateAttachLimits("n2", Map.of("csi.example.com", 0));
        cluster.updateAttachLimits("n3", Map.of("csi.example.com", 0));
        cluster.updateVolume("pv-attached", new PersistentVolume("pv-attached", GI, Set.of(AccessMode.READ_WRITE_ONCE),
                "disks", List.of(), null, "default/attached", null, false, Map.of(), "csi.example.com", "h-1"));
        cluster.updateClaim("default", "attached", new Claim("default", "attached", "u", "disks", "pv-attached",
                Set.of(AccessMode.READ_WRITE_ONCE), GI, null, false));
        cluster.podBound(using("running", "attached"), "n1");
        for (int i = 0; i < 2; i++) {
            cluster.updateClaim("default", "new-" + i, claim("new-" + i, "disks", GI));
            scheduler.submit(using("writer-" + i, "new-" + i).createdAt(i));
        }

        List<Decision> decisions = scheduler.runCycle();
        assertThat(binds(decisions)).containsExactly("default/writer-0->n1");
        assertThat(waits(decisions)).containsExactly(
                "default/writer-1: 0/3 nodes fit: 3 node(s) exceed max volume count");
    }

    @Test
    void aClaimBeingDeletedIsNotUsed() {
        cluster.updateClaim("default", "data", new Claim("default", "data", "u", "local", null,
                Set.of(AccessMode.READ_WRITE_ONCE), GI, null, true));
        scheduler.submit(using("reader", "data"));

        assertThat(waits(scheduler.runCycle())).containsExactly(
                "default/reader: 0/3 nodes fit: 3 persistentvolumeclaim \"data\" is being deleted");
    }
}
