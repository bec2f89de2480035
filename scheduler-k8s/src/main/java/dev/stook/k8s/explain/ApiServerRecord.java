package dev.stook.k8s.explain;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What the API server records about a pod's scheduling, for when the scheduler cannot be asked: its node,
 * its {@code PodScheduled} condition and the Events about it, oldest first.
 */
public final class ApiServerRecord {
    private ApiServerRecord() {}

    /** The record as text, or null when the pod does not exist. */
    public static String print(KubernetesClient client, String namespace, String name) {
        Pod pod = client.pods().inNamespace(namespace).withName(name).get();
        if (pod == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(namespace).append('/').append(name)
                .append(" (as the API server records it)\n");
        String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
        out.append("  node          ").append(node == null || node.isEmpty() ? "none" : node).append('\n');
        out.append("  PodScheduled  ").append(podScheduled(pod)).append('\n');
        List<Event> events = client.events().v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> e.getRegarding() != null && "Pod".equals(e.getRegarding().getKind())
                        && name.equals(e.getRegarding().getName()))
                .sorted(Comparator.comparing(ApiServerRecord::when)).toList();
        out.append(events.isEmpty() ? "  events        none\n" : "  events\n");
        for (Event event : events) {
            out.append(String.format(Locale.ROOT, "    %s  %-7s  %-16s  %s%n", when(event), event.getType(),
                    event.getReason(), event.getNote()));
        }
        return out.toString();
    }

    private static String podScheduled(Pod pod) {
        List<PodCondition> conditions = pod.getStatus() == null || pod.getStatus().getConditions() == null
                ? List.of() : pod.getStatus().getConditions();
        return conditions.stream().filter(c -> "PodScheduled".equals(c.getType())).findFirst()
                .map(c -> c.getStatus() + (c.getReason() == null ? "" : ", " + c.getReason())
                        + (c.getMessage() == null ? "" : ": " + c.getMessage()))
                .orElse("not set (no scheduler has reported on it)");
    }

    private static String when(Event event) {
        if (event.getEventTime() != null && event.getEventTime().getTime() != null) {
            return event.getEventTime().getTime();
        }
        return event.getMetadata().getCreationTimestamp() == null ? "" : event.getMetadata().getCreationTimestamp();
    }
}
