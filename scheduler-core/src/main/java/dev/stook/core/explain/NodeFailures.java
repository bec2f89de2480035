package dev.stook.core.explain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts, over the nodes of a cluster, why each refused a pod, and says it the way kube-scheduler does:
 * {@code 0/500 nodes fit: 300 Insufficient cpu, 200 untolerated taint}.
 */
public final class NodeFailures {
    private final Map<String, Integer> counts = new HashMap<>();

    public void add(String reason, int nodes) {
        if (nodes > 0) {
            counts.merge(reason, nodes, Integer::sum);
        }
    }

    public void forEach(java.util.function.BiConsumer<String, Integer> action) {
        counts.forEach(action);
    }

    public String describe(int fitting, int totalNodes) {
        return describe(fitting, totalNodes, "");
    }

    /** With a subject: {@code 0/500 nodes fit member train-7: 300 Insufficient cpu}. */
    public String describe(int fitting, int totalNodes, String subject) {
        StringBuilder text = new StringBuilder().append(fitting).append('/').append(totalNodes)
                .append(totalNodes == 1 ? " node fits" : " nodes fit");
        if (!subject.isEmpty()) {
            text.append(' ').append(subject);
        }
        List<Map.Entry<String, Integer>> ordered = new ArrayList<>(counts.entrySet());
        ordered.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        String separator = ": ";
        for (Map.Entry<String, Integer> entry : ordered) {
            text.append(separator).append(entry.getValue()).append(' ').append(entry.getKey());
            separator = ", ";
        }
        return text.toString();
    }
}
