package dev.stook.core.plugins;

import dev.stook.core.cluster.ClusterSnapshot;
import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.Pod;
import dev.stook.core.volume.AccessMode;
import dev.stook.core.volume.Claim;
import dev.stook.core.volume.Storage;

import java.util.HashSet;
import java.util.Set;

/**
 * kube-scheduler's VolumeRestrictions filter for ReadWriteOncePod claims: a pod using such a claim fits no
 * node while another pod holding a place (trial placements of the cycle included) uses the same claim.
 */
public final class VolumeRestrictionsFilter implements FilterPlugin {
    private static final Set<Input> READS = Set.of(Input.OTHER_PODS);
    static final String REASON = "node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod"
            + " access mode";

    @Override
    public String name() {
        return "VolumeRestrictions";
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
        String namespace = pod.id().namespace();
        Set<String> exclusive = new HashSet<>();
        for (String name : pod.claims()) {
            Claim claim = storage.claim(namespace, name);
            if (claim != null && claim.accessModes().contains(AccessMode.READ_WRITE_ONCE_POD)) {
                exclusive.add(name);
            }
        }
        Prepared prepared = new Prepared(namespace, exclusive);
        if (exclusive.isEmpty()) {
            // neutral, not NEVER_FOR_CLASS: a claim's access modes may change, and the class is kept
            return prepared;
        }
        ClusterSnapshot snapshot = cluster.snapshot();
        for (int node = 0; node < snapshot.size(); node++) {
            for (Pod placed : snapshot.pods(node)) {
                prepared.follow(placed, node, true);
            }
        }
        for (ScratchCluster.Placed change : cluster.placements()) {
            prepared.follow(change.pod(), change.nodeIndex(), change.sign() > 0);
        }
        return prepared;
    }

    /** Counts the other pods using one of the class's ReadWriteOncePod claims. */
    private static final class Prepared implements PreparedFilter, FollowsPods {
        private final String namespace;
        private final Set<String> exclusive;
        private int users;

        Prepared(String namespace, Set<String> exclusive) {
            this.namespace = namespace;
            this.exclusive = exclusive;
        }

        @Override
        public String reject(Pod asked, NodeSlot node) {
            return users > 0 ? REASON : null;
        }

        @Override
        public Reach follow(Pod other, int node, boolean placed) {
            if (!other.id().namespace().equals(namespace)
                    || other.claims().stream().noneMatch(exclusive::contains)) {
                return Reach.NOWHERE;
            }
            boolean before = users > 0;
            users += placed ? 1 : -1;
            return before != users > 0 ? Reach.EVERYWHERE : Reach.NOWHERE;
        }

        @Override
        public boolean neutral() {
            return users == 0;
        }
    }
}
