package dev.stook.sim;

import dev.stook.core.model.Pod;

import java.util.List;

/** One job of a workload: its pods arrive together and, once bound, each runs for {@code runMillis}. */
public record SimJob(Workload workload, int index, long arrivalMillis, long runMillis, List<Pod> pods) {
    public SimJob {
        pods = List.copyOf(pods);
    }
}
