package dev.stook.sim;

import java.util.Locale;

/** Renders a {@link SimulationReport} as plain text for a terminal. */
public final class ReportFormatter {
    private ReportFormatter() {}

    public static String format(SimulationReport report) {
        StringBuilder out = new StringBuilder();
        line(out, "Simulation of scenario \"%s\" (seed %d, %d nodes)", report.scenario(), report.seed(), report.nodes());
        out.append('\n');
        line(out, "Pods");
        line(out, "  submitted         %d", report.podsSubmitted());
        line(out, "  scheduled         %d", report.podsScheduled());
        line(out, "  never scheduled   %d", report.podsNeverScheduled());
        line(out, "  makespan          %s (virtual)", ReadableDuration.format(report.makespanMillis()));
        out.append('\n');
        WaitTimes waits = report.waits();
        line(out, "Wait from arrival to bind (virtual)");
        if (waits.count() == 0) {
            line(out, "  no pod was scheduled");
        } else {
            line(out, "  mean %s   p50 %s   p99 %s   max %s", ReadableDuration.format(waits.meanMillis()),
                    ReadableDuration.format(waits.p50Millis()), ReadableDuration.format(waits.p99Millis()),
                    ReadableDuration.format(waits.maxMillis()));
        }
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
        line(out, "Engine");
        line(out, "  cycles            %d", report.cycles());
        line(out, "  decisions         %d (binds and waits)", report.decisions());
        line(out, "  time in cycles    %.1f ms (real)", report.engineNanos() / 1e6);
        line(out, "  decisions/s       %.0f (real time inside runCycle)", report.decisionsPerSecond());
        return out.toString();
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
