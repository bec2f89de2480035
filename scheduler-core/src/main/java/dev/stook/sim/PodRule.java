package dev.stook.sim;

import dev.stook.core.model.LabelSelector;
import dev.stook.core.model.PlacementConstraints;
import dev.stook.core.model.PodAffinity;
import dev.stook.core.model.PodAffinityTerm;
import dev.stook.core.model.SpreadConstraint;
import dev.stook.core.model.WeightedPodAffinityTerm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scenario workload's rule placing its pods relative to each other: the other pods of the same job, or of
 * the whole workload ({@code amongWorkload}). Pods carry the labels {@link #WORKLOAD} and {@link #JOB}, which
 * the rules select by.
 */
public record PodRule(Kind kind, String topologyKey, boolean required, int weightOrSkew, boolean amongWorkload) {
    public static final String WORKLOAD = "sim.stook.dev/workload";
    public static final String JOB = "sim.stook.dev/job";

    public enum Kind { AFFINITY, ANTI_AFFINITY, SPREAD }

    /** The labels of a pod of the job. */
    static Map<String, String> labels(String workload, String job) {
        return Map.of(WORKLOAD, workload, JOB, job);
    }

    /** The rules applied to the constraints of a pod of the job. */
    static PlacementConstraints apply(List<PodRule> rules, PlacementConstraints constraints, String namespace,
                                      String workload, String job) {
        if (rules.isEmpty()) {
            return constraints;
        }
        List<PodAffinityTerm> near = new ArrayList<>();
        List<PodAffinityTerm> away = new ArrayList<>();
        List<WeightedPodAffinityTerm> preferNear = new ArrayList<>();
        List<WeightedPodAffinityTerm> preferAway = new ArrayList<>();
        List<SpreadConstraint> spread = new ArrayList<>();
        for (PodRule rule : rules) {
            LabelSelector selector = new LabelSelector(rule.amongWorkload ? Map.of(WORKLOAD, workload) : Map.of(JOB, job),
                    List.of());
            PodAffinityTerm term = new PodAffinityTerm(selector, Set.of(namespace), LabelSelector.NOTHING,
                    rule.topologyKey);
            switch (rule.kind) {
                case AFFINITY -> addTerm(rule, term, near, preferNear);
                case ANTI_AFFINITY -> addTerm(rule, term, away, preferAway);
                case SPREAD -> spread.add(new SpreadConstraint(rule.weightOrSkew, rule.topologyKey, rule.required,
                        selector, 1, true, false));
            }
        }
        return constraints.withPodAffinity(new PodAffinity(near, away, preferNear, preferAway)).withSpread(spread);
    }

    private static void addTerm(PodRule rule, PodAffinityTerm term, List<PodAffinityTerm> required,
                                List<WeightedPodAffinityTerm> preferred) {
        if (rule.required) {
            required.add(term);
        } else {
            preferred.add(new WeightedPodAffinityTerm(rule.weightOrSkew, term));
        }
    }
}
