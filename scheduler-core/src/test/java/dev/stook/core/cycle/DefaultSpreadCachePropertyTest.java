package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.LabelSelector;
import dev.stook.core.model.NodeSelectorRequirement;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.plugins.PluginProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static dev.stook.core.Fixtures.node;
import static dev.stook.core.Fixtures.res;
import static dev.stook.core.testing.PodRules.HOSTNAME;
import static dev.stook.core.testing.PodRules.ZONE;
import static dev.stook.core.testing.PodRules.labelled;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Services and ReplicaSets coming and going between cycles, so that pods of one signature (some controlled
 * by a ReplicaSet) spread by default among different peers, or not at all, a placer kept across placements and cycles answers what a
 * placer with no history answers.
 */
class DefaultSpreadCachePropertyTest {
    private static final List<String> APPS = List.of("web", "db", "cache");
    private static final List<String> NAMESPACES = List.of("team-a", "team-b");
    private final PluginProfile profile = PluginProfile.standard();

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void cachedAnswersEqualFreshOnes(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ClusterState cluster = new ClusterState();
        int nodes = 8 + random.nextInt(12);
        for (int i = 0; i < nodes; i++) {
            cluster.upsertNode(node("n" + i, Integer.toString(8 + random.nextInt(24)), "64Gi")
                    .withLabels(Map.of(HOSTNAME, "n" + i, ZONE, "z" + random.nextInt(3))));
        }
        PodPlacer cached = new PodPlacer(profile);
        List<PodId> bound = new ArrayList<>();
        int serial = 0;

        for (int cycle = 0; cycle < 6; cycle++) {
            changeAWorkload(cluster, random);
            if (!bound.isEmpty() && random.nextBoolean()) {
                cluster.removePod(bound.remove(random.nextInt(bound.size())));
            }
            ScratchCluster scratch = new ScratchCluster(cluster.snapshot());
            for (int i = 0; i < 16; i++) {
                Pod pod = randomPod(random, "c" + cycle + "-" + serial++);
                String as = "seed " + seed + " cycle " + cycle + " pod " + i + " " + pod.id() + " " + pod.labels();
                int expected = new PodPlacer(profile).bestNode(pod, scratch);
                assertThat(cached.bestNode(pod, scratch)).as(as).isEqualTo(expected);
                if (expected >= 0) {
                    int mark = scratch.mark();
                    scratch.place(pod, expected);
                    if (random.nextInt(6) == 0) {
                        scratch.rollbackTo(mark);
                    }
                }
            }
            for (ScratchCluster.Placed trial : scratch.placedSince(0)) {
                if (random.nextBoolean()) {
                    cluster.podBound(trial.pod(), scratch.snapshot().node(trial.nodeIndex()).name());
                    bound.add(trial.pod().id());
                }
            }
        }
    }

    @Test
    void podsOfOneSignatureSelectedByDifferentObjectsFallInDifferentClasses() {
        ClusterState cluster = new ClusterState();
        cluster.upsertNode(node("n0", "8", "16Gi").withLabels(Map.of(HOSTNAME, "n0")));
        cluster.updateService("team-a", "web", new LabelSelector(Map.of("app", "web"), List.of()));
        cluster.updateController("team-a", "ReplicaSet/db", new LabelSelector(Map.of("app", "db"), List.of()));
        ScratchCluster scratch = new ScratchCluster(cluster.snapshot());
        Pod web = app(Pod.of("team-a", "w", res("1", "1Gi")), "web", "1");
        Pod otherWeb = app(Pod.of("team-a", "w2", res("1", "1Gi")), "web", "2");
        Pod db = app(Pod.of("team-a", "d", res("1", "1Gi")), "db", "1").withController("ReplicaSet/db");
        Pod unselected = app(Pod.of("team-a", "c", res("1", "1Gi")), "cache", "1");

        assertThat(web.signature()).isEqualTo(db.signature());
        assertThat(PodLook.classKey(web, scratch)).isEqualTo(PodLook.classKey(otherWeb, scratch))
                .isNotEqualTo(PodLook.classKey(db, scratch));
        assertThat(PodLook.classKey(unselected, scratch)).as("selected by nothing: its signature alone")
                .isEqualTo(unselected.signature());
    }

    @Test
    void podsAlikeOnTheLabelsTheirSelectorsReadButSelectedByDifferentObjectsFallInDifferentClasses() {
        ClusterState cluster = new ClusterState();
        cluster.upsertNode(node("n0", "8", "16Gi").withLabels(Map.of(HOSTNAME, "n0")));
        cluster.updateService("team-a", "web", new LabelSelector(Map.of("app", "web"), List.of()));
        cluster.updateController("team-a", "ReplicaSet/stable", new LabelSelector(Map.of("app", "web"), List.of(
                new NodeSelectorRequirement("track", NodeSelectorRequirement.Operator.NOT_IN, List.of("canary")))));
        ScratchCluster scratch = new ScratchCluster(cluster.snapshot());
        Pod stable = app(Pod.of("team-a", "s", res("1", "1Gi")), "web", "1").withController("ReplicaSet/stable");
        Pod canary = labelled(Pod.of("team-a", "c", res("1", "1Gi")),
                Map.of("app", "web", "index", "2", "track", "canary"));

        assertThat(PodLook.classKey(stable, scratch)).isNotEqualTo(PodLook.classKey(canary, scratch));
    }

    private static void changeAWorkload(ClusterState cluster, SplittableRandom random) {
        String namespace = NAMESPACES.get(random.nextInt(NAMESPACES.size()));
        String app = APPS.get(random.nextInt(APPS.size()));
        LabelSelector selector = random.nextInt(3) == 0 ? null
                : new LabelSelector(random.nextBoolean() ? Map.of("app", app) : Map.of("app", app, "tier", "one"),
                        List.of());
        if (random.nextBoolean()) {
            cluster.updateService(namespace, app, selector);
        } else {
            cluster.updateController(namespace, "ReplicaSet/" + app, selector);
        }
    }

    /** One of a few kinds, so that classes repeat, each pod with its own index label. */
    private static Pod randomPod(SplittableRandom random, String name) {
        String namespace = NAMESPACES.get(random.nextInt(NAMESPACES.size()));
        Pod pod = Pod.of(namespace, name, res((500 * (1 + random.nextInt(4))) + "m", "1Gi"));
        String app = APPS.get(random.nextInt(APPS.size()));
        Pod labelled = app(pod, app, name);
        if (random.nextInt(4) == 0) {
            labelled = labelled.withLabels(Map.of("app", app, "tier", "one", "index", name));
        }
        return random.nextBoolean() ? labelled.withController("ReplicaSet/" + app) : labelled;
    }

    private static Pod app(Pod pod, String app, String index) {
        return labelled(pod, Map.of("app", app, "index", index));
    }
}
