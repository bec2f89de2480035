package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.NodeSelectorRequirement;
import dev.stook.core.model.NodeSelectorTerm;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.plugins.PluginProfile;
import dev.stook.core.volume.AccessMode;
import dev.stook.core.volume.Claim;
import dev.stook.core.volume.PersistentVolume;
import dev.stook.core.volume.StorageClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static dev.stook.core.Fixtures.node;
import static dev.stook.core.Fixtures.res;
import static dev.stook.core.volume.Volumes.GI;
import static dev.stook.core.volume.Volumes.boundClaim;
import static dev.stook.core.volume.Volumes.claim;
import static dev.stook.core.volume.Volumes.localVolume;
import static dev.stook.core.volume.Volumes.waitingClass;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With claims bound and unbound (some ReadWriteOncePod), local volumes made and deleted between cycles, and pods placed and rolled
 * back in a cycle taking volumes, a placer kept across placements and cycles answers what a placer with no
 * history answers.
 */
class VolumeCachePropertyTest {
    private static final int CLAIMS = 6;
    private final PluginProfile profile = PluginProfile.standard();

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void cachedAnswersEqualFreshOnes(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ClusterState cluster = new ClusterState();
        int nodes = 4 + random.nextInt(8);
        for (int i = 0; i < nodes; i++) {
            cluster.upsertNode(node("n" + i, Integer.toString(4 + random.nextInt(8)), "64Gi")
                    .withLabels(Map.of("kubernetes.io/hostname", "n" + i)));
        }
        cluster.updateStorageClass("local", waitingClass("local", StorageClass.NO_PROVISIONER));
        for (int c = 0; c < CLAIMS; c++) {
            cluster.updateClaim("default", "c" + c, claim("c" + c, "local", GI));
        }
        PodPlacer cached = new PodPlacer(profile);
        List<PodId> bound = new ArrayList<>();
        int serial = 0;

        for (int cycle = 0; cycle < 8; cycle++) {
            changeStorage(cluster, random, nodes);
            if (!bound.isEmpty() && random.nextBoolean()) {
                cluster.removePod(bound.remove(random.nextInt(bound.size())));
            }
            ScratchCluster scratch = new ScratchCluster(cluster.snapshot());
            for (int i = 0; i < 20; i++) {
                Pod pod = Pod.of("default", "p" + serial++, res((500 * (1 + random.nextInt(3))) + "m", "1Gi"))
                        .withClaims(List.of("c" + random.nextInt(CLAIMS)));
                String as = "seed " + seed + " cycle " + cycle + " pod " + i + " " + pod.id() + " " + pod.claims();
                int expected = new PodPlacer(profile).bestNode(pod, scratch);
                assertThat(cached.bestNode(pod, scratch)).as(as).isEqualTo(expected);
                if (expected >= 0) {
                    int mark = scratch.mark();
                    scratch.place(pod, expected);
                    if (random.nextInt(4) == 0) {
                        scratch.rollbackTo(mark);
                    }
                }
            }
            for (ScratchCluster.Placed trial : scratch.placedSince(0)) {
                if (random.nextBoolean()) {
                    cluster.assume(trial.pod(), scratch.snapshot().node(trial.nodeIndex()).name());
                    bound.add(trial.pod().id());
                }
            }
        }
    }

    /** A volume two nodes reach, so a pod taking it on one changes what the other offers. */
    private static PersistentVolume sharedVolume(String name, String node, String other) {
        return new PersistentVolume(name, GI, Set.of(AccessMode.READ_WRITE_ONCE), "local",
                List.of(new NodeSelectorTerm(List.of(new NodeSelectorRequirement("kubernetes.io/hostname",
                        NodeSelectorRequirement.Operator.IN, List.of(node, other))))), null, null, null, true, Map.of());
    }

    private static void changeStorage(ClusterState cluster, SplittableRandom random, int nodes) {
        for (int change = random.nextInt(6); change > 0; change--) {
            String node = "n" + random.nextInt(nodes);
            String volume = "pv-" + random.nextInt(10);
            String claim = "c" + random.nextInt(CLAIMS);
            switch (random.nextInt(6)) {
                case 0 -> cluster.updateVolume(volume, localVolume(volume, node, (1 + random.nextInt(3)) * GI));
                case 4 -> cluster.updateVolume(volume, sharedVolume(volume, node, "n" + random.nextInt(nodes)));
                case 1 -> cluster.updateVolume(volume, null);
                case 2 -> cluster.updateClaim("default", claim, boundClaim(claim, volume));
                case 3 -> cluster.updateClaim("default", claim, claim(claim, "local", GI));
                default -> cluster.updateClaim("default", claim, new Claim("default", claim, "uid-" + claim, "local",
                        random.nextBoolean() ? volume : null, Set.of(AccessMode.READ_WRITE_ONCE_POD), GI, null, false));
            }
        }
    }
}
