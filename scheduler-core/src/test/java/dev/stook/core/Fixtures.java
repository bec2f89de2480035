package dev.stook.core;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.gang.GangId;
import dev.stook.core.gang.GangMembership;
import dev.stook.core.locality.ChunkSet;
import dev.stook.core.locality.DataReads;
import dev.stook.core.model.Node;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.model.Resources;

import java.util.Map;

/** Small builders shared by the core's tests. */
public final class Fixtures {
    private Fixtures() {}

    public static Resources res(String cpu, String memory) {
        return Resources.parse(Map.of("cpu", cpu, "memory", memory));
    }

    public static Resources res(String cpu, String memory, String pods) {
        return Resources.parse(Map.of("cpu", cpu, "memory", memory, "pods", pods));
    }

    public static Node node(String name, String cpu, String memory) {
        return Node.of(name, res(cpu, memory, "110"));
    }

    public static Pod pod(String name, String cpu, String memory) {
        return Pod.of("default", name, res(cpu, memory));
    }

    /** Membership of a gang in namespace "default" that may wait five minutes for its minimum. */
    public static GangMembership gang(String name, int minMembers) {
        return new GangMembership(new GangId("default", name), minMembers, 300_000);
    }

    /** Member {@code index} of the gang, with 1Gi of memory. */
    public static Pod member(String gang, int index, int minMembers, String cpu, long createdAt) {
        return pod(gang + "-" + index, cpu, "1Gi").createdAt(createdAt).inGang(gang(gang, minMembers));
    }

    /** A 1-cpu, 1Gi pod reading the chunks, 1 MiB each. */
    public static Pod reader(String name, ChunkSet chunks) {
        return pod(name, "1", "1Gi").withDataReads(DataReads.of(chunks, 1 << 20));
    }

    public static Pod reader(String name, String chunkList) {
        return reader(name, ChunkSet.parse(chunkList));
    }

    /** A pod with another pod's requests and constraints, and nothing else of it. */
    public static Pod sameRequests(PodId id, Pod like) {
        return new Pod(id, like.requests(), 0, 0, like.constraints());
    }

    /** The node as a filter or scorer sees it, with the given pods already bound to it. */
    public static NodeSlot slotOf(Node node, Pod... bound) {
        ClusterState state = new ClusterState();
        state.upsertNode(node);
        for (Pod pod : bound) {
            state.podBound(pod, node.name());
        }
        return new ScratchCluster(state.snapshot()).slot(0);
    }
}
