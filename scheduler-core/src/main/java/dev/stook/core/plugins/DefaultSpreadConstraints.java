package dev.stook.core.plugins;

import dev.stook.core.cluster.Workloads;
import dev.stook.core.model.LabelSelector;
import dev.stook.core.model.Pod;
import dev.stook.core.model.SpreadConstraint;

import java.util.List;

/**
 * The {@code ScheduleAnyway} spread constraints a pod that sets none of its own gets, as kube-scheduler's
 * PodTopologySpread defaults them: each counts the pods selected by every Service, ReplicationController,
 * ReplicaSet and StatefulSet that selects this pod ({@link Workloads#selectorFor}); when nothing selects it,
 * it gets none. {@code system} marks kube-scheduler's built-in defaults ({@link #SYSTEM}), under which a node
 * lacking a topology key still scores by the keys it has (kube's {@code defaultingType: System}); with a list
 * of one's own (kube's {@code List}) such a node scores 0, as for a pod's own constraints.
 */
public record DefaultSpreadConstraints(List<Template> constraints, boolean system) {
    public static final DefaultSpreadConstraints SYSTEM = new DefaultSpreadConstraints(List.of(
            new Template(3, "kubernetes.io/hostname"), new Template(5, "topology.kubernetes.io/zone")), true);
    public static final DefaultSpreadConstraints NONE = new DefaultSpreadConstraints(List.of(), false);

    /** One default constraint: at most {@code maxSkew} more matching pods in a domain of the key than in another. */
    public record Template(int maxSkew, String topologyKey) {
        public Template {
            if (maxSkew < 1) {
                throw new IllegalArgumentException("maxSkew " + maxSkew + " is below 1");
            }
            if (topologyKey == null || topologyKey.isEmpty()) {
                throw new IllegalArgumentException("a default spread constraint needs a topologyKey");
            }
        }
    }

    public DefaultSpreadConstraints {
        constraints = List.copyOf(constraints);
    }

    /** The pod's default constraints: none when it has constraints of its own or nothing selects it. */
    List<SpreadConstraint> constraintsFor(Pod pod, Workloads workloads) {
        if (constraints.isEmpty() || !pod.constraints().spread().isEmpty()) {
            return List.of();
        }
        LabelSelector selector = workloads.selectorFor(pod);
        if (selector == null) {
            return List.of();
        }
        return constraints.stream().map(template -> new SpreadConstraint(template.maxSkew(), template.topologyKey(),
                false, selector, 1, true, false)).toList();
    }
}
