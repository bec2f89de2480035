package dev.stook.sim;

import dev.stook.core.gang.GangId;
import dev.stook.core.gang.GangMembership;
import dev.stook.core.locality.DataReads;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Expands a scenario's workloads into concrete jobs. Each workload draws from its own random stream,
 * split from the seed in file order, so editing one workload does not reshuffle the others.
 */
public final class WorkloadGenerator {
    /** Where a workload's pods are created unless it names a namespace. */
    public static final String DEFAULT_NAMESPACE = "sim";

    private WorkloadGenerator() {}

    /** Every job of the scenario, by arrival time (file order among equal times). */
    public static List<SimJob> jobs(Scenario scenario) {
        SplittableRandom seeds = new SplittableRandom(scenario.seed());
        List<SimJob> jobs = new ArrayList<>();
        for (Workload workload : scenario.workloads()) {
            jobs.addAll(jobsOf(workload, seeds.split()));
        }
        jobs.sort(Comparator.comparingLong(SimJob::arrivalMillis));
        return jobs;
    }

    private static List<SimJob> jobsOf(Workload workload, SplittableRandom random) {
        List<SimJob> jobs = new ArrayList<>(workload.jobs());
        long arrival = workload.startMillis();
        WorkloadReads reads = WorkloadReads.of(workload);
        for (int j = 0; j < workload.jobs(); j++) {
            if (j > 0) {
                arrival += workload.arrival().nextGapMillis(random);
            }
            long runMillis = workload.runTime().sampleMillis(random);
            String jobName = workload.name() + "-" + j;
            long firstShard = reads.firstShard(random);
            List<Pod> pods = new ArrayList<>(workload.podsPerJob());
            for (int p = 0; p < workload.podsPerJob(); p++) {
                pods.add(pod(workload, jobName, jobName + "-" + p, arrival, reads.forPod(firstShard, p)));
            }
            jobs.add(new SimJob(workload, j, arrival, runMillis, pods));
        }
        return jobs;
    }

    /** A pod of one of the workload's jobs; pods that replace evicted ones are made here too. */
    static Pod pod(Workload workload, String jobName, String podName, long createdAtMillis, DataReads reads) {
        PodId id = new PodId(workload.namespace(), podName);
        Pod pod = new Pod(id, workload.requests(), workload.priority(), createdAtMillis, PodRule.apply(
                workload.podRules(), workload.constraints(), workload.namespace(), workload.name(), jobName))
                .withPreemptible(workload.preemptible()).withDataReads(reads)
                .withLabels(PodRule.labels(workload.name(), jobName));
        pod = workload.queue().map(pod::inQueue).orElse(pod);
        if (workload.claims().isPresent()) {
            pod = pod.withClaims(List.of(ShardClaims.claimName(podName)));
        }
        return gang(workload, jobName).map(pod::inGang).orElse(pod);
    }

    /** A workload that declares a gang minimum makes each of its jobs one gang, named after the job. */
    private static Optional<GangMembership> gang(Workload workload, String jobName) {
        return workload.gangMinMembers().map(minMembers -> new GangMembership(new GangId(workload.namespace(), jobName),
                minMembers, GangMembership.DEFAULT_TIMEOUT_MILLIS, workload.gangTopology()));
    }
}
