package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.model.Resources;
import dev.stook.core.plugins.PluginProfile;
import dev.stook.core.queue.QueueConfig;
import dev.stook.core.queue.QueueConfigParser;
import dev.stook.core.queue.QueueDefinition;
import dev.stook.core.testing.RandomCluster;
import dev.stook.core.testing.RandomNodes;
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
 * Over random queue trees, demands and cluster sizes, one-cpu pods arriving at once: no queue exceeds its
 * max, every leaf gets at least min(demand, guaranteed), and backlogged siblings without guarantees end
 * within one pod of their weight ratio (dominant share divided by weight). The seed is in every message.
 */
class QueuePropertyTest {
    private static final long POD_CPU = 1000;

    static LongStream seeds() {
        return LongStream.range(0, 100);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void allocationsRespectCapsGuaranteesAndWeights(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int nodes = 4 + random.nextInt(40);
        long capacityCpu = nodes * 4 * POD_CPU;
        StringBuilder yaml = new StringBuilder("queues:\n");
        long[] guaranteeBudget = {capacityCpu / POD_CPU};
        writeLevel(yaml, random, 1, "  ", guaranteeBudget);
        QueueConfig config = QueueConfigParser.parse(yaml.toString());

        ClusterState cluster = RandomCluster.of(RandomNodes.from(random).cpuCores(4).memoryGi(64).maxPods(100), nodes)
                .state();
        Scheduler scheduler = new Scheduler(cluster, PluginProfile.standard(), SchedulerSettings.DEFAULTS, () -> 0);
        scheduler.updateQueues(config);
        Map<String, Integer> demand = new HashMap<>();
        for (QueueDefinition leaf : config.all()) {
            if (leaf.isLeaf()) {
                int pods = random.nextInt(3) == 0 ? random.nextInt(4) : (int) (capacityCpu / POD_CPU);
                demand.put(leaf.path(), pods);
                for (int i = 0; i < pods; i++) {
                    scheduler.submit(new Pod(new PodId("ns", leaf.path() + "-" + i),
                            Resources.builder().cpuMillis(POD_CPU).memoryBytes(1L << 30).build(), 0, i,
                            dev.stook.core.model.PlacementConstraints.NONE).inQueue(leaf.path()));
                }
            }
        }
        scheduler.runCycle();

        String context = "seed " + seed + "\n" + yaml;
        Map<String, Long> allocated = new HashMap<>();
        Map<String, Integer> pending = new HashMap<>();
        for (QueueDefinition queue : config.all()) {
            if (queue.isLeaf()) {
                long cpu = cluster.queueUsage(queue.path()).cpuMillis();
                int waiting = demand.get(queue.path()) - (int) (cpu / POD_CPU);
                for (String path = queue.path(); path != null; path = parent(path)) {
                    allocated.merge(path, cpu, Long::sum);
                    pending.merge(path, waiting, Integer::sum);
                }
            }
        }
        for (QueueDefinition queue : config.all()) {
            long used = allocated.getOrDefault(queue.path(), 0L);
            assertThat(used).as("%s: %s above its max", context, queue.path()).isLessThanOrEqualTo(queue.max().limit(0));
            if (queue.isLeaf()) {
                long owed = Math.min(demand.get(queue.path()) * POD_CPU, queue.guaranteed().cpuMillis());
                assertThat(used).as("%s: %s below min(demand, guaranteed)", context, queue.path()).isGreaterThanOrEqualTo(owed);
            }
        }
        checkSiblings(config.topLevel(), allocated, pending, capacityCpu, context);
    }

    private static void checkSiblings(List<QueueDefinition> siblings, Map<String, Long> allocated,
                                      Map<String, Integer> pending, long capacityCpu, String context) {
        List<QueueDefinition> backlogged = new ArrayList<>();
        for (QueueDefinition queue : siblings) {
            if (canTakeMore(queue, allocated, pending) && queue.guaranteed().isZero()) {
                backlogged.add(queue);
            }
            checkSiblings(queue.children(), allocated, pending, capacityCpu, context);
        }
        for (QueueDefinition a : backlogged) {
            for (QueueDefinition b : backlogged) {
                double ratioA = allocated.getOrDefault(a.path(), 0L) / (double) capacityCpu / a.weight();
                double ratioB = allocated.getOrDefault(b.path(), 0L) / (double) capacityCpu / b.weight();
                double onePod = POD_CPU / (double) capacityCpu / Math.min(a.weight(), b.weight());
                assertThat(Math.abs(ratioA - ratioB)).as("%s: %s vs %s share/weight spread", context, a.path(), b.path())
                        .isLessThanOrEqualTo(onePod + 1e-9);
            }
        }
    }

    /** Whether one more pod could go to the queue: it has pending pods below that no cap holds back. */
    private static boolean canTakeMore(QueueDefinition queue, Map<String, Long> allocated, Map<String, Integer> pending) {
        if (allocated.getOrDefault(queue.path(), 0L) + POD_CPU > queue.max().limit(0)) {
            return false;
        }
        if (queue.isLeaf()) {
            return pending.getOrDefault(queue.path(), 0) > 0;
        }
        return queue.children().stream().anyMatch(child -> canTakeMore(child, allocated, pending));
    }

    /** Writes one level of a random tree; returns the cpu it guarantees, which its parent must cover. */
    private static long writeLevel(StringBuilder yaml, SplittableRandom random, int depth, String indent, long[] budget) {
        long guaranteedHere = 0;
        int children = 2 + random.nextInt(2);
        for (int i = 0; i < children; i++) {
            boolean leaf = depth == 3 || random.nextInt(3) == 0;
            StringBuilder below = new StringBuilder();
            long guaranteed = leaf ? 0 : writeLevel(below, random, depth + 1, indent + "    ", budget);
            if (leaf && random.nextInt(4) == 0 && budget[0] > 0) {
                guaranteed = 1 + random.nextInt((int) Math.min(budget[0], 8));
                budget[0] -= guaranteed;
            }
            guaranteedHere += guaranteed;
            yaml.append(indent).append("- name: q").append(depth).append(i).append('\n');
            yaml.append(indent).append("  weight: ").append(1 + random.nextInt(4)).append('\n');
            if (guaranteed > 0) {
                yaml.append(indent).append("  guaranteed: {cpu: \"").append(guaranteed).append("\"}\n");
            }
            if (random.nextInt(4) == 0) {
                yaml.append(indent).append("  max: {cpu: \"").append(guaranteed + 8 + random.nextInt(40)).append("\"}\n");
            }
            if (!leaf) {
                yaml.append(indent).append("  children:\n").append(below);
            }
        }
        return guaranteedHere;
    }

    private static String parent(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? null : path.substring(0, dot);
    }
}
