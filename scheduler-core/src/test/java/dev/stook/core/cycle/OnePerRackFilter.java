package dev.stook.core.cycle;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.Pod;
import dev.stook.core.model.SchedulingSignature;
import dev.stook.core.plugins.FilterPlugin;
import dev.stook.core.plugins.Input;
import dev.stook.core.plugins.PreparedFilter;

import java.util.HashSet;
import java.util.Set;

/**
 * A toy rule that reads other pods, shaped like hostname anti-affinity with a wider topology key: at most
 * one pod of an equivalence class per value of the node label {@code rack}. Preparing it finds the racks
 * already holding a pod of the class, trial placements included, so a placer that kept its answers after
 * a placement or from an earlier cycle would put a second pod in a rack.
 */
final class OnePerRackFilter implements FilterPlugin {
    static final String RACK = "rack";
    static final String REASON = "rack already runs a pod of this kind";
    private static final Set<Input> READS = Set.of(Input.NODE_SPEC, Input.NODE_USAGE, Input.OTHER_PODS);

    @Override
    public String name() {
        return "OnePerRack";
    }

    @Override
    public Set<Input> reads() {
        return READS;
    }

    @Override
    public PreparedFilter prepare(Pod pod, ScratchCluster cluster) {
        Set<String> taken = racksRunning(pod.signature(), cluster);
        if (taken.isEmpty()) {
            return PreparedFilter.ACCEPTS_EVERY_NODE;
        }
        return (candidate, node) -> taken.contains(rackOf(node)) ? REASON : null;
    }

    private static Set<String> racksRunning(SchedulingSignature kind, ScratchCluster cluster) {
        Set<String> racks = new HashSet<>();
        for (int i = 0; i < cluster.size(); i++) {
            NodeSlot node = cluster.slot(i);
            for (Pod placed : node.pods()) {
                if (placed.signature().equals(kind)) {
                    racks.add(rackOf(node));
                }
            }
        }
        return racks;
    }

    private static String rackOf(NodeSlot node) {
        return node.node().labels().getOrDefault(RACK, "");
    }
}
