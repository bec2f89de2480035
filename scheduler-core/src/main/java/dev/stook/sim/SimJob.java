package dev.stook.sim;

import dev.stook.core.model.Pod;

import java.util.List;

/**
 * One job of a workload: its pods arrive together. A pod works for {@code runMillis} and then finishes,
 * but it starts working only once {@link #membersToWork()} of the job's pods are running: a gang's pods
 * cannot compute without each other.
 */
public record SimJob(Workload workload, int index, long arrivalMillis, long runMillis, List<Pod> pods) {
    public SimJob {
        pods = List.copyOf(pods);
    }

    public String name() {
        return workload.name() + "-" + index;
    }

    /** The gang minimum, or 1 for a job of independent pods. */
    public int membersToWork() {
        return workload.gangMinMembers().orElse(1);
    }
}
