package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.HostPort;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.plugins.PluginProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static dev.stook.core.Fixtures.node;
import static dev.stook.core.Fixtures.pod;
import static dev.stook.core.testing.PodRules.HOSTNAME;
import static dev.stook.core.testing.PodRules.ZONE;
import static dev.stook.core.testing.PodRules.labelled;
import static dev.stook.core.testing.PodRules.preferring;
import static dev.stook.core.testing.PodRules.requiringAway;
import static dev.stook.core.testing.PodRules.requiringNear;
import static dev.stook.core.testing.PodRules.spread;
import static dev.stook.core.testing.PodRules.spreading;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With pods placed by inter-pod affinity, anti-affinity, spread constraints and host ports, a placer kept
 * across placements, rollbacks and cycles answers what a placer with no history answers, for every question
 * the engine asks: its equivalence classes and the nodes it re-judges after each change are enough.
 */
class InterPodRulesCachePropertyTest {
    private static final List<String> APPS = List.of("web", "db", "cache");
    private final PluginProfile profile = PluginProfile.standard();

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void cachedAnswersEqualFreshOnes(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ClusterState cluster = new ClusterState();
        int nodes = 12 + random.nextInt(12);
        for (int i = 0; i < nodes; i++) {
            cluster.upsertNode(node("n" + i, Integer.toString(4 + random.nextInt(12)), "64Gi")
                    .withLabels(Map.of(HOSTNAME, "n" + i, ZONE, "z" + random.nextInt(3))));
        }
        PodPlacer cached = new PodPlacer(profile);
        List<PodId> bound = new ArrayList<>();
        int serial = 0;

        for (int cycle = 0; cycle < 5; cycle++) {
            if (!bound.isEmpty()) {
                cluster.removePod(bound.remove(random.nextInt(bound.size())));
            }
            ScratchCluster scratch = new ScratchCluster(cluster.snapshot());
            for (int i = 0; i < 16; i++) {
                Pod pod = randomPod(random, "c" + cycle + "-" + serial++);
                String as = "seed " + seed + " cycle " + cycle + " pod " + i + " " + pod.constraints();
                int expected = new PodPlacer(profile).bestNode(pod, scratch);
                assertThat(cached.bestNode(pod, scratch)).as(as).isEqualTo(expected);
                int probe = random.nextInt(nodes);
                assertThat(cached.fitsOn(pod, scratch, probe)).as(as)
                        .isEqualTo(new PodPlacer(profile).fitsOn(pod, scratch, probe));
                if (expected < 0) {
                    assertThat(cached.explainNoFit(pod, scratch, "")).as(as)
                            .isEqualTo(new PodPlacer(profile).explainNoFit(pod, scratch, ""));
                    continue;
                }
                int mark = scratch.mark();
                scratch.place(pod, expected);
                if (random.nextInt(6) == 0) {
                    scratch.rollbackTo(mark);
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

    /** One of a few kinds, so that classes repeat, each pod with its own name and an index label. */
    private static Pod randomPod(SplittableRandom random, String name) {
        String app = APPS.get(random.nextInt(APPS.size()));
        Map<String, String> own = Map.of("app", app, "index", name);
        Map<String, String> target = Map.of("app", APPS.get(random.nextInt(APPS.size())));
        String key = random.nextBoolean() ? HOSTNAME : ZONE;
        Pod pod = labelled(pod(name, (500 * (1 + random.nextInt(4))) + "m", "1Gi"), own);
        return switch (random.nextInt(8)) {
            case 0 -> requiringAway(pod, key, target);
            case 1 -> requiringNear(pod, key, target);
            case 2 -> spreading(pod, spread(key, 1 + random.nextInt(2), true, Map.of("app", app)));
            case 3 -> spreading(pod, spread(key, 1, false, Map.of("app", app)));
            case 4 -> preferring(pod, 1 + random.nextInt(100), key, target, random.nextBoolean());
            case 5 -> pod.withConstraints(pod.constraints().withHostPorts(List.of(new HostPort("TCP", "", 8080))));
            default -> pod;
        };
    }
}
