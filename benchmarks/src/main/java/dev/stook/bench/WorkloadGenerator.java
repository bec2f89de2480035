package dev.stook.bench;

import dev.stook.core.model.Node;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PlacementConstraints;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToIntFunction;

/**
 * Builds a heterogeneous cluster and a pending workload from a seed: the same seed always gives the
 * same nodes, pre-bound pods and pending pods, in the same order.
 */
public final class WorkloadGenerator {
    private static final double CORDONED_SHARE = 0.01;
    private static final double PARTLY_USED_SHARE = 0.5;
    private static final List<PodShape> UNCONSTRAINED_SHAPES = PodShape.CATALOGUE.stream()
            .filter(shape -> shape.gpus() == 0 && shape.constraints().equals(PlacementConstraints.NONE))
            .toList();

    private final SplittableRandom random;

    private WorkloadGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public static Workload generate(long seed, int nodeCount, int pendingCount) {
        return generate(seed, nodeCount, pendingCount, 0);
    }

    /** With {@code relatedPercent} of the pending pods placed relative to their group ({@link PodRelations}). */
    public static Workload generate(long seed, int nodeCount, int pendingCount, int relatedPercent) {
        return new WorkloadGenerator(seed).workload(nodeCount, pendingCount, relatedPercent);
    }

    private Workload workload(int nodeCount, int pendingCount, int relatedPercent) {
        List<Node> nodes = new ArrayList<>(nodeCount);
        List<Workload.BoundPod> preBound = new ArrayList<>();
        for (int i = 0; i < nodeCount; i++) {
            NodeShape shape = pick(NodeShape.CATALOGUE, NodeShape::weight);
            String zone = NodeShape.ZONES.get(random.nextInt(NodeShape.ZONES.size()));
            Node node = shape.toNode(String.format("node-%05d", i), zone, random.nextDouble() < CORDONED_SHARE);
            nodes.add(node);
            if (random.nextDouble() < PARTLY_USED_SHARE) {
                fillPartly(shape, node.name(), preBound);
            }
        }
        List<Pod> pending = new ArrayList<>(pendingCount);
        int groups = Math.max(1, pendingCount * relatedPercent / 100 / PodRelations.GROUP_SIZE);
        List<PodShape> groupShapes = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            groupShapes.add(pick(UNCONSTRAINED_SHAPES, PodShape::weight));
        }
        for (int i = 0; i < pendingCount; i++) {
            String name = String.format("pod-%05d", i);
            if (random.nextInt(100) < relatedPercent) {
                int group = random.nextInt(groups);
                pending.add(PodRelations.inGroup(groupShapes.get(group).toPod(name), group));
            } else {
                pending.add(pick(PodShape.CATALOGUE, PodShape::weight).toPod(name));
            }
        }
        return new Workload(nodes, preBound, pending);
    }

    /** Binds unconstrained pods to the node until a random 10–80 % of its cpu is used. */
    private void fillPartly(NodeShape node, String nodeName, List<Workload.BoundPod> preBound) {
        long cpuTarget = (long) (node.cpuCores() * 1000L * (0.1 + 0.7 * random.nextDouble()));
        long cpuLeft = node.cpuCores() * 1000L;
        long memoryMiLeft = node.memoryGi() * 1024L;
        long cpuUsed = 0;
        for (int attempt = 0; attempt < 40 && cpuUsed < cpuTarget; attempt++) {
            PodShape shape = pick(UNCONSTRAINED_SHAPES, PodShape::weight);
            if (shape.cpuMillis() <= cpuLeft && shape.memoryMi() <= memoryMiLeft) {
                preBound.add(new Workload.BoundPod(shape.toPod(nodeName + "-pre-" + attempt), nodeName));
                cpuLeft -= shape.cpuMillis();
                memoryMiLeft -= shape.memoryMi();
                cpuUsed += shape.cpuMillis();
            }
        }
    }

    private <T> T pick(List<T> choices, ToIntFunction<T> weight) {
        int total = 0;
        for (T choice : choices) {
            total += weight.applyAsInt(choice);
        }
        int ticket = random.nextInt(total);
        for (T choice : choices) {
            ticket -= weight.applyAsInt(choice);
            if (ticket < 0) {
                return choice;
            }
        }
        throw new IllegalStateException("weights changed while picking");
    }
}
