package dev.stook.k8s.translate;

import dev.stook.core.gang.GangDeclaration;
import dev.stook.core.gang.GangMembership;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;

/**
 * The gang a Job's pods form when its pod template carries {@code stook.dev/gang-from-job: "true"}: as many
 * members as the Job runs at once. That is its {@code parallelism} (1 when unset), bounded by the completions
 * still to go ({@code completions} minus {@code status.succeeded}), as the Job controller bounds the pods it
 * creates. Without {@code completions} (the work-queue pattern) it is {@code parallelism}: every worker starts
 * together. Indexed Jobs count the same way, one pod per index still to complete. A Job with nothing left to
 * run needs no gang, and its last pods are a gang of one.
 */
final class JobDeclarations {
    static final String GANG_FROM_JOB = "stook.dev/gang-from-job";

    private JobDeclarations() {
    }

    /** The gang's name, as a gang formed by a pod's controller is named. */
    static String gangName(String job) {
        return "Job/" + job;
    }

    static GangDeclaration of(GangObjectKey key, Job job) {
        String owner = key.describe();
        JobSpec spec = job.getSpec();
        int parallelism = spec == null || spec.getParallelism() == null ? 1 : spec.getParallelism();
        if (parallelism > GangMembership.MAX_MIN_MEMBERS) {
            throw new IllegalArgumentException(owner + ": spec.parallelism " + parallelism + " is larger than the limit"
                    + " of " + GangMembership.MAX_MIN_MEMBERS + " gang members (" + GANG_FROM_JOB + ")");
        }
        int members = parallelism;
        if (spec != null && spec.getCompletions() != null) {
            int succeeded = job.getStatus() == null || job.getStatus().getSucceeded() == null ? 0
                    : job.getStatus().getSucceeded();
            members = Math.min(parallelism, spec.getCompletions() - succeeded);
        }
        return GangDeclaration.found(gangName(key.name()), Math.max(1, members), owner + " (" + GANG_FROM_JOB + ")");
    }
}
