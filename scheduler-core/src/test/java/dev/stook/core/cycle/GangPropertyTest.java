package dev.stook.core.cycle;

import dev.stook.core.Invariants;
import dev.stook.core.cluster.ClusterState;
import dev.stook.core.gang.GangId;
import dev.stook.core.gang.GangMembership;
import dev.stook.core.model.Node;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.plugins.PluginProfile;
import dev.stook.core.testing.RandomCluster;
import dev.stook.core.testing.RandomNodes;
import dev.stook.core.testing.RandomPods;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over random clusters and random gang workloads (members arriving over several cycles, elastic gangs,
 * lone pods, jobs finishing whole), Stook's decisions never leave a gang with some but fewer than its
 * minimum members placed, and never over-commit a node. The seed is in the test name and every failure.
 */
class GangPropertyTest {

    static LongStream seeds() {
        return LongStream.range(0, 120);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noGangIsEverPartlyAdmitted(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] now = {0};
        RandomCluster generated = RandomCluster.of(
                RandomNodes.from(random).cpuCores(2, 15).memoryGi(4, 63).maxPods(4, 33), 2 + random.nextInt(20));
        ClusterState cluster = generated.state();
        Map<String, Node> nodes = generated.nodes();
        Scheduler scheduler = new Scheduler(cluster, PluginProfile.standard(),
                SchedulerSettings.DEFAULTS.withStarvationMillis(1_000 + random.nextInt(20_000)), () -> now[0]);
        Map<GangId, Integer> minimums = new HashMap<>();
        Map<GangId, List<Pod>> unsubmitted = new HashMap<>();
        Map<GangId, List<PodId>> placed = new HashMap<>();

        for (int step = 0; step < 60; step++) {
            now[0] += 500;
            if (random.nextInt(3) == 0) {
                newJob("j" + step, random, minimums, unsubmitted);
            }
            for (List<Pod> waiting : unsubmitted.values()) {
                for (int i = 0, n = random.nextInt(waiting.size() + 1); i < n; i++) {
                    scheduler.submit(waiting.remove(0));
                }
            }
            for (Decision decision : scheduler.runCycle()) {
                if (decision instanceof Decision.Bind bind) {
                    cluster.podBound(bind.pod(), bind.nodeName());
                    placed.computeIfAbsent(bind.pod().gang().id(), g -> new ArrayList<>()).add(bind.pod().id());
                }
            }
            String context = "seed " + seed + " step " + step;
            for (Map.Entry<GangId, Integer> gang : minimums.entrySet()) {
                int members = cluster.placedMembers(gang.getKey());
                assertThat(members == 0 || members >= gang.getValue())
                        .as("%s: gang %s has %d placed of minimum %d", context, gang.getKey(), members, gang.getValue())
                        .isTrue();
            }
            Invariants.assertNoNodeOvercommitted(cluster, nodes, context);
            if (!placed.isEmpty() && random.nextInt(3) == 0) {
                GangId finished = new ArrayList<>(placed.keySet()).get(random.nextInt(placed.size()));
                placed.remove(finished).forEach(cluster::removePod);
            }
        }
    }

    private static void newJob(String name, SplittableRandom random, Map<GangId, Integer> minimums,
                               Map<GangId, List<Pod>> unsubmitted) {
        GangId id = new GangId("ns", name);
        int size = 1 + random.nextInt(12);
        int minimum = 1 + random.nextInt(size);
        minimums.put(id, minimum);
        List<Pod> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            boolean driver = i == 0 && random.nextBoolean();
            RandomPods shape = driver ? memberPods(random).cpuMillis(500)
                    : memberPods(random).cpuMillis(250, 4000, 250);
            members.add(shape.next(name + "-" + i).inGang(new GangMembership(id, minimum, 60_000)));
        }
        unsubmitted.put(id, members);
    }

    private static RandomPods memberPods(SplittableRandom random) {
        return RandomPods.from(random).namespaces(List.of("ns")).memoryMi(512, 8192, 512).priority(0, 10, 10);
    }
}
