package dev.stook.sim;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** A table of the figures that tell gang admission and per-pod placement apart, one column per run. */
public final class ComparisonFormatter {
    private ComparisonFormatter() {}

    private record Row(String label, Function<SimulationReport, String> value) {}

    private static final List<Row> ROWS = List.of(
            new Row("jobs completed", r -> r.jobsCompleted() + " / " + r.jobsSubmitted()),
            new Row("partially started gangs", r -> Integer.toString(r.gangs().partiallyStartedGangs())),
            new Row("idle held node-seconds", r -> number(r.gangs().idleHeld().nodeSeconds())),
            new Row("idle held cpu-core-seconds", r -> number(r.gangs().idleHeld().cpuCoreSeconds())),
            new Row("mean job completion time", r -> seconds(r.jobCompletion().meanMillis())),
            new Row("p50 job completion time", r -> seconds(r.jobCompletion().p50Millis())),
            new Row("p99 job completion time", r -> seconds(r.jobCompletion().p99Millis())),
            new Row("makespan", r -> seconds(r.makespanMillis())),
            new Row("deadlocked", r -> r.ending().deadlocked()
                    ? "yes, " + r.ending().stuckJobs().size() + " jobs stuck" : "no"),
            new Row("run ended", r -> r.ending().reason().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " at " + seconds(r.ending().atMillis())));

    public static String format(SimulationReport stook, SimulationReport baseline) {
        StringBuilder out = new StringBuilder();
        String format = "%-28s %24s %24s%n";
        out.append(String.format(Locale.ROOT, format, "", ReportFormatter.policy(stook),
                ReportFormatter.policy(baseline)));
        for (Row row : ROWS) {
            out.append(String.format(Locale.ROOT, format, row.label(), row.value().apply(stook),
                    row.value().apply(baseline)));
        }
        return out.toString();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    private static String seconds(double millis) {
        return String.format(Locale.ROOT, "%.1fs", millis / 1_000);
    }
}
