package dev.stook.core.plugins;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.Pod;
import dev.stook.core.volume.PersistentVolume;
import dev.stook.core.volume.VolumeNeeds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * kube-scheduler's VolumeZone filter: a bound claim's volume labelled with a zone or region (the topology
 * labels and their legacy {@code failure-domain.beta.kubernetes.io} forms; several values joined by
 * {@code __}) keeps the pod on nodes of that zone or region (a node's topology label answers for a volume's
 * legacy one). A node with none of these labels is not judged.
 * It reads claims and volumes, which change between cycles, so it is prepared for each scratch copy and
 * follows pods only to say they change nothing.
 */
public final class VolumeZoneFilter implements FilterPlugin {
    private static final Set<Input> READS = Set.of(Input.NODE_SPEC, Input.OTHER_PODS);
    static final String REASON = "node(s) had no available volume zone";
    private static final List<String> TOPOLOGY_LABELS = List.of("topology.kubernetes.io/zone",
            "failure-domain.beta.kubernetes.io/zone", "topology.kubernetes.io/region",
            "failure-domain.beta.kubernetes.io/region");

    @Override
    public String name() {
        return "VolumeZone";
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
        List<Map.Entry<String, Set<String>>> wanted = new ArrayList<>();
        VolumeNeeds needs = VolumeNeeds.of(pod.id().namespace(), pod.claims(), cluster.snapshot().storage());
        for (PersistentVolume volume : needs.boundVolumes()) {
            for (String key : TOPOLOGY_LABELS) {
                String value = volume.labels().get(key);
                if (value != null) {
                    wanted.add(Map.entry(key, Set.of(value.split("__"))));
                }
            }
        }
        return new Prepared(wanted);
    }

    /** The topology label a legacy beta label became, which a node may carry instead. */
    private static String generallyAvailable(String key) {
        return key.replace("failure-domain.beta.kubernetes.io/", "topology.kubernetes.io/");
    }

    private record Prepared(List<Map.Entry<String, Set<String>>> wanted) implements PreparedFilter, FollowsPods {
        @Override
        public String reject(Pod pod, NodeSlot node) {
            Map<String, String> labels = node.node().labels();
            if (TOPOLOGY_LABELS.stream().noneMatch(labels::containsKey)) {
                return null;
            }
            for (Map.Entry<String, Set<String>> entry : wanted) {
                String value = labels.get(entry.getKey());
                if (value == null) {
                    value = labels.get(generallyAvailable(entry.getKey()));
                }
                if (value == null || !entry.getValue().contains(value)) {
                    return REASON;
                }
            }
            return null;
        }

        @Override
        public Reach follow(Pod pod, int node, boolean placed) {
            return Reach.NOWHERE;
        }

        @Override
        public boolean neutral() {
            return wanted.isEmpty();
        }
    }
}
