package dev.stook.core.cycle;

import dev.stook.core.model.Pod;

import java.util.Set;
import java.util.TreeSet;

/**
 * A pod whose {@code spec.schedulingGates} are not all removed yet is not scheduled, and a gang with such a
 * member is not tried: its creator is still preparing it (kube-scheduler reports these pods the same way).
 */
final class SchedulingGates implements UnitGate {
    static final String REASON = "SchedulingGated";

    @Override
    public Hold check(PendingUnit unit, UnitContext context) {
        Set<String> gates = new TreeSet<>();
        int gatedPods = 0;
        for (Pod pod : unit.members()) {
            if (!pod.schedulingGates().isEmpty()) {
                gates.addAll(pod.schedulingGates());
                gatedPods++;
            }
        }
        if (gatedPods == 0) {
            return null;
        }
        String who = unit.isGang() ? "gang " + unit.name() + ": " + gatedPods + " members have" : "the pod has";
        return Hold.reported(REASON, who + " scheduling gates " + String.join(", ", gates)
                + " left; it is scheduled once they are removed");
    }
}
