package dev.stook.bench;

import dev.stook.core.model.LabelSelector;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodAffinity;
import dev.stook.core.model.PodAffinityTerm;
import dev.stook.core.model.SpreadConstraint;
import dev.stook.core.model.WeightedPodAffinityTerm;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Places pods relative to the other pods of their group of about ten (label {@code app}, one pod shape per
 * group, as the pods of one job or service share a spec), in one of three ways by
 * group: one pod per node (required hostname anti-affinity), at most one pod more in any zone than in another
 * (DoNotSchedule zone spread), or rather apart (preferred hostname anti-affinity and ScheduleAnyway hostname
 * spread). Every pod also carries a label of its own, as pods made by controllers do.
 */
final class PodRelations {
    static final int GROUP_SIZE = 10;
    private static final String HOSTNAME = "kubernetes.io/hostname";
    private static final String ZONE = "topology.kubernetes.io/zone";

    private PodRelations() {}

    static Pod inGroup(Pod pod, int group) {
        String app = "group-" + group;
        LabelSelector sameGroup = new LabelSelector(Map.of("app", app), List.of());
        PodAffinityTerm awayOnHost = new PodAffinityTerm(sameGroup, Set.of(pod.id().namespace()), LabelSelector.NOTHING,
                HOSTNAME);
        var constraints = switch (group % 3) {
            case 0 -> pod.constraints().withPodAffinity(
                    new PodAffinity(List.of(), List.of(awayOnHost), List.of(), List.of()));
            case 1 -> pod.constraints().withSpread(List.of(new SpreadConstraint(1, ZONE, true, sameGroup, 1, true, false)));
            default -> pod.constraints().withPodAffinity(new PodAffinity(List.of(), List.of(), List.of(),
                            List.of(new WeightedPodAffinityTerm(50, awayOnHost))))
                    .withSpread(List.of(new SpreadConstraint(1, HOSTNAME, false, sameGroup, 1, true, false)));
        };
        return pod.withConstraints(constraints).withLabels(Map.of("app", app, "pod", pod.id().name()));
    }
}
