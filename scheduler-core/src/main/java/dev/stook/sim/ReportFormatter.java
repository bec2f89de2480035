package dev.stook.sim;

import java.util.Locale;

/** Renders a {@link SimulationReport} as plain text for a terminal. */
public final class ReportFormatter {
    private static final int STUCK_JOBS_SHOWN = 10;

    private ReportFormatter() {}

    public static String format(SimulationReport report) {
        StringBuilder out = new StringBuilder();
        line(out, "Simulation of scenario \"%s\" (seed %d, %d nodes, %s)", report.scenario(), report.seed(),
                report.nodes(), policy(report));
        out.append('\n');
        line(out, "Pods");
        line(out, "  submitted         %d", report.podsSubmitted());
        line(out, "  scheduled         %d", report.podsScheduled());
        line(out, "  never scheduled   %d", report.podsNeverScheduled());
        line(out, "  makespan          %s (virtual)", ReadableDuration.format(report.makespanMillis()));
        out.append('\n');
        line(out, "Wait from arrival to bind (virtual)");
        durations(out, report.waits(), "no pod was scheduled");
        out.append('\n');
        line(out, "Jobs");
        line(out, "  completed         %d of %d", report.jobsCompleted(), report.jobsSubmitted());
        line(out, "  completion time (arrival to last pod finished, completed jobs, virtual)");
        durations(out, report.jobCompletion(), "no job completed");
        out.append('\n');
        GangOutcome gangs = report.gangs();
        line(out, "Gangs");
        line(out, "  partially started %d (some but fewer than their minimum pods running at once)",
                gangs.partiallyStartedGangs());
        line(out, "  idle held         %.0f node-seconds, %.0f cpu-core-seconds (bound pods waiting for members)",
                gangs.idleHeld().nodeSeconds(), gangs.idleHeld().cpuCoreSeconds());
        GangPlacement placement = report.gangPlacement();
        if (placement.levelKey() != null) {
            line(out, "  in %s: %d placed, %d would fit one, %d of those spread over several; %.2f per gang",
                    placement.levelKey(), placement.gangsPlaced(), placement.fitOneDomain(), placement.fragmented(),
                    placement.domainsPerGang());
            line(out, "  gang wait (arrival to first bind, virtual)");
            durations(out, placement.gangWaits(), "no gang was placed");
        }
        out.append('\n');
        ending(out, report.ending());
        out.append('\n');
        queues(out, report);
        out.append('\n');
        Utilisation utilisation = report.utilisation();
        line(out, "Utilisation (share of cluster allocatable held by running pods)");
        line(out, "  overall           cpu %s   memory %s", percent(utilisation.cpu()), percent(utilisation.memory()));
        if (!utilisation.buckets().isEmpty()) {
            line(out, "  %-21s %7s %8s", "virtual time", "cpu", "memory");
            for (Utilisation.Bucket bucket : utilisation.buckets()) {
                line(out, "  %-21s %7s %8s",
                        ReadableDuration.format(bucket.startMillis()) + " - " + ReadableDuration.format(bucket.endMillis()),
                        percent(bucket.cpu()), percent(bucket.memory()));
            }
        }
        out.append('\n');
        if (report.dataLocality().readsData()) {
            line(out, "Data locality");
            line(out, "  read locally      %s of %.1f GiB read by scheduled pods", percent(report.dataLocality().ratio()),
                    report.dataLocality().totalBytes() / (double) (1L << 30));
            out.append('\n');
        }
        line(out, "Engine");
        line(out, "  cycles            %d", report.cycles());
        line(out, "  decisions         %d (binds and waits)", report.decisions());
        line(out, "  time in cycles    %.1f ms (real), %.1f ms (cpu of the scheduling thread)", report.engineNanos() / 1e6,
                report.engineCpuNanos() / 1e6);
        line(out, "  decisions/s       %.0f (real time inside runCycle)", report.decisionsPerSecond());
        CycleTimes cycleTimes = report.cycleTimes();
        line(out, "  cycle duration    p50 %.1f ms   p99 %.1f ms   max %.1f ms (real)", cycleTimes.p50Nanos() / 1e6,
                cycleTimes.p99Nanos() / 1e6, cycleTimes.maxNanos() / 1e6);
        CycleTimes cycleCpuTimes = report.cycleCpuTimes();
        line(out, "                    p50 %.1f ms   p99 %.1f ms   max %.1f ms (cpu)", cycleCpuTimes.p50Nanos() / 1e6,
                cycleCpuTimes.p99Nanos() / 1e6, cycleCpuTimes.maxNanos() / 1e6);
        line(out, "  heap              peak %.0f MiB live after GC, of max %.0f MiB (-Xmx)",
                report.peakHeapAfterGcBytes() / (double) (1 << 20), report.maxHeapBytes() / (double) (1 << 20));
        return out.toString();
    }

    static String policy(SimulationReport report) {
        String admission = report.gangAdmission() ? "Stook, gang admission" : "per-pod baseline";
        return report.queueSetup() == QueueSetup.FIFO_BASELINE ? admission + ", FIFO single-queue baseline" : admission;
    }

    private static void queues(StringBuilder out, SimulationReport report) {
        double hours = report.ending().atMillis() / 3_600_000.0;
        line(out, "Evictions");
        line(out, "  pods evicted      %d (%s per hour), of them non-preemptible %d", report.evictions(),
                perHour(report.evictions(), hours), report.nonPreemptibleEvictions());
        out.append('\n');
        line(out, "Queues (dominant shares of the cluster, averaged over the time each queue had pending pods;");
        line(out, "  fair = the scenario's queue config's fair share; error = |share - fair| / fair of the averages;");
        line(out, "  deviation = mean |share - fair| / mean fair; owed = a pending unit fits inside the leaf's guarantee)");
        line(out, "  %-22s %10s %7s %7s %7s %9s %5s %9s %9s %4s %8s %6s", "queue", "backlogged", "share", "fair",
                "error", "deviation", "owed", "reclaim", "max", "open", "evict/h", "non-pr");
        for (QueueOutcome queue : report.queues()) {
            DurationStats reclaim = queue.reclaim();
            line(out, "  %-22s %10s %7s %7s %7s %9s %5s %9s %9s %4s %8s %6d", queue.path(),
                    ReadableDuration.format(queue.backloggedMillis()), percent(queue.meanShare()),
                    percent(queue.meanFairShare()), percent(queue.shareError()), percent(queue.meanDeviation()),
                    queue.leaf() ? Integer.toString(reclaim.count()) : "-",
                    queue.leaf() && reclaim.count() > 0 ? ReadableDuration.format(Math.round(reclaim.meanMillis())) : "-",
                    queue.leaf() && reclaim.count() > 0 ? ReadableDuration.format(reclaim.maxMillis()) : "-",
                    queue.leaf() ? Integer.toString(queue.reclaimOpenAtEnd()) : "-",
                    perHour(queue.evictions(), hours), queue.nonPreemptibleEvictions());
        }
    }

    static String perHour(int count, double hours) {
        return hours == 0 ? "-" : String.format(Locale.ROOT, "%.1f", count / hours);
    }

    private static void durations(StringBuilder out, DurationStats stats, String whenEmpty) {
        if (stats.count() == 0) {
            line(out, "  %s", whenEmpty);
        } else {
            line(out, "  mean %s   p50 %s   p99 %s   max %s", ReadableDuration.format(stats.meanMillis()),
                    ReadableDuration.format(stats.p50Millis()), ReadableDuration.format(stats.p99Millis()),
                    ReadableDuration.format(stats.maxMillis()));
        }
    }

    private static void ending(StringBuilder out, RunEnding ending) {
        line(out, "Run end");
        String at = ReadableDuration.format(ending.atMillis());
        switch (ending.reason()) {
            case COMPLETED -> line(out, "  every job finished at %s (virtual)", at);
            case NO_PROGRESS -> line(out, "  no progress possible after %s (virtual)%s", at,
                    ending.deadlocked() ? ": DEADLOCK, partially started gangs hold capacity idle" : "");
            case HORIZON -> line(out, "  stopped at maxVirtualTime %s with work left", at);
        }
        if (!ending.stuckJobs().isEmpty()) {
            line(out, "  unfinished jobs   %d", ending.stuckJobs().size());
            for (RunEnding.StuckJob job : ending.stuckJobs().subList(0, Math.min(STUCK_JOBS_SHOWN,
                    ending.stuckJobs().size()))) {
                line(out, "    %-24s %d running, %d pending, needs %d running to work", job.job(), job.podsRunning(),
                        job.podsPending(), job.membersToWork());
            }
            if (ending.stuckJobs().size() > STUCK_JOBS_SHOWN) {
                line(out, "    ... and %d more", ending.stuckJobs().size() - STUCK_JOBS_SHOWN);
            }
        }
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
