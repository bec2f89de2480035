package dev.stook.core.model;

import java.util.List;
import java.util.Map;

/**
 * Where a pod may run: its node selector, its required node affinity (terms ORed; an empty list means
 * no affinity), its tolerations and the host ports it takes; and where it would rather run: its preferred
 * node affinity. Its pod affinity and topology spread constraints place it relative to other pods.
 */
public record PlacementConstraints(Map<String, String> nodeSelector,
                                   List<NodeSelectorTerm> requiredAffinity,
                                   List<Toleration> tolerations,
                                   List<HostPort> hostPorts,
                                   List<PreferredTerm> preferredAffinity,
                                   PodAffinity podAffinity,
                                   List<SpreadConstraint> spread) {
    public static final PlacementConstraints NONE = new PlacementConstraints(Map.of(), List.of(), List.of());

    public PlacementConstraints {
        nodeSelector = Map.copyOf(nodeSelector);
        requiredAffinity = List.copyOf(requiredAffinity);
        tolerations = List.copyOf(tolerations);
        hostPorts = List.copyOf(hostPorts);
        preferredAffinity = List.copyOf(preferredAffinity);
        podAffinity = podAffinity == null ? PodAffinity.NONE : podAffinity;
        spread = List.copyOf(spread);
    }

    public PlacementConstraints(Map<String, String> nodeSelector, List<NodeSelectorTerm> requiredAffinity,
                                List<Toleration> tolerations) {
        this(nodeSelector, requiredAffinity, tolerations, List.of(), List.of(), PodAffinity.NONE, List.of());
    }

    /** Whether the node selector or the required node affinity can refuse some node. */
    public boolean selectsNodeLabels() {
        return !nodeSelector.isEmpty() || !requiredAffinity.isEmpty();
    }

    public boolean matchesLabels(Map<String, String> labels) {
        for (Map.Entry<String, String> wanted : nodeSelector.entrySet()) {
            if (!wanted.getValue().equals(labels.get(wanted.getKey()))) {
                return false;
            }
        }
        if (requiredAffinity.isEmpty()) {
            return true;
        }
        for (NodeSelectorTerm term : requiredAffinity) {
            if (term.matches(labels)) {
                return true;
            }
        }
        return false;
    }

    public PlacementConstraints withTolerations(List<Toleration> newTolerations) {
        return new PlacementConstraints(nodeSelector, requiredAffinity, newTolerations, hostPorts, preferredAffinity,
                podAffinity, spread);
    }

    public PlacementConstraints withNodeSelector(Map<String, String> selector) {
        return new PlacementConstraints(selector, requiredAffinity, tolerations, hostPorts, preferredAffinity,
                podAffinity, spread);
    }

    public PlacementConstraints withRequiredAffinity(List<NodeSelectorTerm> terms) {
        return new PlacementConstraints(nodeSelector, terms, tolerations, hostPorts, preferredAffinity,
                podAffinity, spread);
    }

    public PlacementConstraints withHostPorts(List<HostPort> ports) {
        return new PlacementConstraints(nodeSelector, requiredAffinity, tolerations, ports, preferredAffinity,
                podAffinity, spread);
    }

    public PlacementConstraints withPreferredAffinity(List<PreferredTerm> terms) {
        return new PlacementConstraints(nodeSelector, requiredAffinity, tolerations, hostPorts, terms,
                podAffinity, spread);
    }

    public PlacementConstraints withPodAffinity(PodAffinity affinity) {
        return new PlacementConstraints(nodeSelector, requiredAffinity, tolerations, hostPorts, preferredAffinity,
                affinity, spread);
    }

    public PlacementConstraints withSpread(List<SpreadConstraint> constraints) {
        return new PlacementConstraints(nodeSelector, requiredAffinity, tolerations, hostPorts, preferredAffinity,
                podAffinity, constraints);
    }

    /** Whether where other pods run matters to this pod's placement. */
    public boolean placesRelativeToPods() {
        return !podAffinity.isEmpty() || !spread.isEmpty();
    }

    /** These constraints without the rules placing the pod relative to other pods. */
    public PlacementConstraints withoutPodRelations() {
        return withPodAffinity(PodAffinity.NONE).withSpread(List.of());
    }
}
