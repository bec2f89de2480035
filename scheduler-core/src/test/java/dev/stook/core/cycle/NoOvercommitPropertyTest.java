package dev.stook.core.cycle;

import dev.stook.core.Invariants;
import dev.stook.core.cluster.ClusterState;
import dev.stook.core.model.Node;
import dev.stook.core.model.NodeSelectorRequirement;
import dev.stook.core.model.NodeSelectorTerm;
import dev.stook.core.model.PlacementConstraints;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.model.ResourceNames;
import dev.stook.core.model.Resources;
import dev.stook.core.model.Taint;
import dev.stook.core.model.TaintEffect;
import dev.stook.core.model.Toleration;
import dev.stook.core.plugins.PluginProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
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
    private static final int GPU = ResourceNames.indexOf("nvidia.com/gpu");
    private static final List<String> ZONES = List.of("a", "b", "c");

    static LongStream seeds() {
        return LongStream.range(0, 150);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noDecisionSequenceOvercommitsAnyNode(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ClusterState cluster = new ClusterState();
        Map<String, Node> nodes = new HashMap<>();
        for (int i = 0, count = 1 + random.nextInt(30); i < count; i++) {
            Node node = randomNode("n" + i, random);
            nodes.put(node.name(), node);
            cluster.upsertNode(node);
        }
        Scheduler scheduler = new Scheduler(cluster, PluginProfile.standard(randomWeights(random)));
        Set<PodId> everBound = new HashSet<>();
        List<Pod> running = new ArrayList<>();
        int nextPod = 0;

        for (int step = 0; step < 40; step++) {
            for (int i = 0, arrivals = random.nextInt(25); i < arrivals; i++) {
                scheduler.submit(randomPod("p" + nextPod++, random));
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
                Node relabelled = randomNode(old.name(), random);
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

    private static Node randomNode(String name, SplittableRandom random) {
        Resources.Builder allocatable = Resources.builder()
                .cpuMillis(1000L * (1 + random.nextInt(16)))
                .memoryBytes((1L << 30) * (1 + random.nextInt(64)))
                .pods(1 + random.nextInt(20));
        List<Taint> taints = new ArrayList<>();
        if (random.nextInt(4) == 0) {
            allocatable.setSlot(GPU, 1 + random.nextInt(8));
            taints.add(new Taint("gpu", "", TaintEffect.NO_SCHEDULE));
        }
        if (random.nextInt(6) == 0) {
            taints.add(new Taint("spot", "", TaintEffect.PREFER_NO_SCHEDULE));
        }
        Node node = new Node(name, allocatable.build(), Map.of("zone", ZONES.get(random.nextInt(ZONES.size()))),
                taints, false);
        return random.nextInt(15) == 0 ? node.cordoned() : node;
    }

    private static Pod randomPod(String name, SplittableRandom random) {
        Resources.Builder requests = Resources.builder()
                .cpuMillis(100L * (1 + random.nextInt(40)))
                .memoryBytes((256L << 20) * (1 + random.nextInt(32)));
        PlacementConstraints constraints = PlacementConstraints.NONE;
        if (random.nextInt(5) == 0) {
            requests.setSlot(GPU, 1 + random.nextInt(4));
            constraints = constraints.withTolerations(List.of(new Toleration("gpu", Toleration.Operator.EXISTS, null, null)));
        }
        if (random.nextInt(4) == 0) {
            constraints = constraints.withNodeSelector(Map.of("zone", ZONES.get(random.nextInt(ZONES.size()))));
        } else if (random.nextInt(4) == 0) {
            constraints = constraints.withRequiredAffinity(List.of(new NodeSelectorTerm(List.of(
                    new NodeSelectorRequirement("zone", NodeSelectorRequirement.Operator.NOT_IN,
                            List.of(ZONES.get(random.nextInt(ZONES.size()))))))));
        }
        return new Pod(new PodId("ns" + random.nextInt(3), name), requests.build(), random.nextInt(3) * 100,
                random.nextInt(1000), constraints);
    }

    private static Map<String, Integer> randomWeights(SplittableRandom random) {
        return Map.of("LeastAllocated", random.nextInt(3), "MostAllocated", random.nextInt(3),
                "BalancedAllocation", random.nextInt(3));
    }
}
