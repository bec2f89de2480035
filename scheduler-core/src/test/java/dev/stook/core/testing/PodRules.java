package dev.stook.core.testing;

import dev.stook.core.model.LabelSelector;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodAffinity;
import dev.stook.core.model.PodAffinityTerm;
import dev.stook.core.model.SpreadConstraint;
import dev.stook.core.model.WeightedPodAffinityTerm;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builders for pods placed relative to other pods: labels, pod affinity and spread constraints. */
public final class PodRules {
    public static final String HOSTNAME = "kubernetes.io/hostname";
    public static final String ZONE = "topology.kubernetes.io/zone";

    private PodRules() {}

    /** A term counting pods of the pod's own namespace with these labels. */
    public static PodAffinityTerm term(String namespace, String topologyKey, Map<String, String> labels) {
        return new PodAffinityTerm(new LabelSelector(labels, List.of()), Set.of(namespace), LabelSelector.NOTHING,
                topologyKey);
    }

    public static Pod labelled(Pod pod, Map<String, String> labels) {
        return pod.withLabels(labels);
    }

    public static Pod withAffinity(Pod pod, PodAffinity affinity) {
        return pod.withConstraints(pod.constraints().withPodAffinity(affinity));
    }

    public static Pod requiringNear(Pod pod, String topologyKey, Map<String, String> labels) {
        return withAffinity(pod, new PodAffinity(List.of(term(pod.id().namespace(), topologyKey, labels)),
                List.of(), List.of(), List.of()));
    }

    public static Pod requiringAway(Pod pod, String topologyKey, Map<String, String> labels) {
        return withAffinity(pod, new PodAffinity(List.of(),
                List.of(term(pod.id().namespace(), topologyKey, labels)), List.of(), List.of()));
    }

    public static Pod preferring(Pod pod, int weight, String topologyKey, Map<String, String> labels, boolean near) {
        WeightedPodAffinityTerm term = new WeightedPodAffinityTerm(weight,
                term(pod.id().namespace(), topologyKey, labels));
        return withAffinity(pod, new PodAffinity(List.of(), List.of(),
                near ? List.of(term) : List.of(), near ? List.of() : List.of(term)));
    }

    /** A constraint honouring node affinity and ignoring taints, as Kubernetes does by default. */
    public static SpreadConstraint spread(String topologyKey, int maxSkew, boolean hard, Map<String, String> labels) {
        return new SpreadConstraint(maxSkew, topologyKey, hard, new LabelSelector(labels, List.of()), 1, true, false);
    }

    public static Pod spreading(Pod pod, SpreadConstraint... constraints) {
        return pod.withConstraints(pod.constraints().withSpread(List.of(constraints)));
    }
}
