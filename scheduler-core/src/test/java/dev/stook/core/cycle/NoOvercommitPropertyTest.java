package dev.stook.core.cycle;

import dev.stook.core.Invariants;
import dev.stook.core.cluster.ClusterState;
import dev.stook.core.model.Node;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.model.Taint;
import dev.stook.core.model.Toleration;
import dev.stook.core.plugins.PluginProfile;
import dev.stook.core.testing.RandomCluster;
import dev.stook.core.testing.RandomNodes;
import dev.stook.core.testing.RandomPods;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over random clusters and random event sequences (arrivals, completions, failed binds, node changes),
 * no decision ever over-commits a node on any resource, places a pod where its constraints forbid, or
 * binds a pod twice. The seed is in the test name and in every failure message.
 */
class NoOvercommitPropertyTest {
    private static final List<String> ZONES = List.of("a", "b", "c");

    static LongStream seeds() {
        return LongStream.range(0, 150);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noDecisionSequenceOvercommitsAnyNode(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RandomNodes randomNodes = RandomNodes.from(random).cpuCores(1, 16).memoryGi(1, 64).maxPods(1, 20)
                .gpus(4, 1, 8).spotTaint(6).zones(ZONES).cordoned(15);
        RandomCluster generated = RandomCluster.of(randomNodes, 1 + random.nextInt(30));
        ClusterState cluster = generated.state();
        Map<String, Node> nodes = generated.nodes();
        Scheduler scheduler = new Scheduler(cluster, PluginProfile.standard(randomWeights(random)));
        Set<PodId> everBound = new HashSet<>();
        List<Pod> running = new ArrayList<>();
        RandomPods randomPods = RandomPods.from(random).cpuMillis(100, 4000, 100).memoryMi(256, 8192, 256)
                .gpus(5, 1, 4).zoneRules(ZONES).namespaces(List.of("ns0", "ns1", "ns2")).priority(0, 200, 100)
                .createdAtMillis(0, 999);
        int nextPod = 0;

        for (int step = 0; step < 40; step++) {
            for (int i = 0, arrivals = random.nextInt(25); i < arrivals; i++) {
                scheduler.submit(randomPods.next("p" + nextPod++));
            }
            for (Decision decision : scheduler.runCycle()) {
                if (decision instanceof Decision.Bind bind) {
                    String context = "seed " + seed + " step " + step + ": " + bind;
                    assertThat(everBound.add(bind.pod().id())).as("bound twice, " + context).isTrue();
                    assertThat(allowed(bind.pod(), nodes.get(bind.nodeName()))).as("constraints, " + context).isTrue();
                    if (random.nextInt(10) == 0) {
                        cluster.forget(bind.pod().id());
                        everBound.remove(bind.pod().id());
                        scheduler.submit(bind.pod());
                    } else {
                        cluster.podBound(bind.pod(), bind.nodeName());
                        running.add(bind.pod());
                    }
                }
            }
            Invariants.assertNoNodeOvercommitted(cluster, nodes, "seed " + seed + " step " + step);
            for (int i = 0, finished = random.nextInt(running.size() + 1); i < finished; i++) {
                cluster.removePod(running.remove(random.nextInt(running.size())).id());
            }
            if (random.nextInt(5) == 0) {
                Node old = nodes.get("n" + random.nextInt(nodes.size()));
                Node relabelled = randomNodes.next(old.name());
                Node changed = new Node(old.name(), old.allocatable(), relabelled.labels(), relabelled.taints(),
                        relabelled.unschedulable());
                nodes.put(changed.name(), changed);
                cluster.upsertNode(changed);
            }
        }
    }

    private static boolean allowed(Pod pod, Node node) {
        if (node.unschedulable() || !pod.constraints().matchesLabels(node.labels())) {
            return false;
        }
        return node.taints().stream().filter(Taint::repels)
                .allMatch(t -> Toleration.anyTolerates(pod.constraints().tolerations(), t));
    }

    private static Map<String, Integer> randomWeights(SplittableRandom random) {
        return Map.of("LeastAllocated", random.nextInt(3), "MostAllocated", random.nextInt(3),
                "BalancedAllocation", random.nextInt(3));
    }
}
