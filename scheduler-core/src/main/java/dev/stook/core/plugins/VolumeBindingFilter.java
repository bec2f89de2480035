package dev.stook.core.plugins;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.Pod;
import dev.stook.core.volume.Storage;
import dev.stook.core.volume.TrialVolumes;
import dev.stook.core.volume.VolumeNeeds;

import java.util.Map;
import java.util.Set;

/**
 * kube-scheduler's VolumeBinding filter: a pod's bound claims need their volumes reachable from the node
 * (the volumes' node affinity); its unbound claims of WaitForFirstConsumer classes need a free matching volume
 * reachable from the node, or a provisioner allowed to provision there; an unbound claim of an Immediate class,
 * a missing claim, class or volume keep it off every node with kube-scheduler's reason. Volumes taken by pods
 * placed earlier in the cycle are not free ({@link TrialVolumes}), which is why it follows pods.
 */
public final class VolumeBindingFilter implements FilterPlugin {
    private static final Set<Input> READS = Set.of(Input.NODE_SPEC, Input.OTHER_PODS);
    static final String NODE_CONFLICT = "node(s) had volume node affinity conflict";
    static final String BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";

    @Override
    public String name() {
        return "VolumeBinding";
    }

    @Override
    public Set<Input> reads() {
        return READS;
    }

    @Override
    public PreparedFilter prepare(Pod pod, ScratchCluster cluster) {
        if (pod.claims().isEmpty()) {
            return PreparedFilter.NEVER_FOR_CLASS;
        }
        Storage storage = cluster.snapshot().storage();
        VolumeNeeds needs = VolumeNeeds.of(pod.id().namespace(), pod.claims(), storage);
        Prepared prepared = new Prepared(needs, storage, new TrialVolumes(storage), cluster);
        if (needs.bindsVolumes()) {
            for (var placed : cluster.placements()) {
                prepared.trial.follow(placed.pod(), cluster.slot(placed.nodeIndex()).node().labels(),
                        placed.sign() > 0);
            }
        }
        return prepared;
    }

    private record Prepared(VolumeNeeds needs, Storage storage, TrialVolumes trial, ScratchCluster cluster)
            implements PreparedFilter, FollowsPods {
        @Override
        public String reject(Pod pod, NodeSlot node) {
            if (needs.problem() != null) {
                return needs.problem();
            }
            Map<String, String> labels = node.node().labels();
            if (!needs.boundVolumesReachable(labels)) {
                return NODE_CONFLICT;
            }
            if (needs.bindsVolumes() && needs.choose(labels, storage, trial.taken()) == null) {
                return BIND_CONFLICT;
            }
            return null;
        }

        @Override
        public Reach follow(Pod pod, int node, boolean placed) {
            if (!needs.bindsVolumes()) {
                return Reach.NOWHERE;
            }
            return trial.follow(pod, cluster.slot(node).node().labels(), placed) ? Reach.EVERYWHERE : Reach.NOWHERE;
        }

        @Override
        public boolean neutral() {
            return false;
        }
    }
}
