package dev.stook.sim;

import dev.stook.core.cycle.SchedulerSettings;
import dev.stook.core.plugins.LocalityScorer;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One scenario run three ways with the same seed: Stook (locality scorer and delay scheduling), Stook
 * without delay scheduling, and the locality-blind baseline (Locality weight 0, no waiting).
 */
public record LocalityComparison(SimulationReport stook, SimulationReport noDelay, SimulationReport blind) {
    private record Row(String label, Function<SimulationReport, String> value) {}

    private static final List<Row> ROWS = List.of(
            new Row("bytes read locally", r -> String.format(Locale.ROOT, "%.1f%%", 100 * r.dataLocality().ratio())),
            new Row("pods scheduled", r -> r.podsScheduled() + " / " + r.podsSubmitted()),
            new Row("mean pod wait", r -> seconds(r.waits().meanMillis())),
            new Row("p50 pod wait", r -> seconds(r.waits().p50Millis())),
            new Row("p99 pod wait", r -> seconds(r.waits().p99Millis())),
            new Row("mean job completion time", r -> seconds(r.jobCompletion().meanMillis())),
            new Row("makespan", r -> seconds(r.makespanMillis())),
            new Row("engine decisions/s (real)", r -> String.format(Locale.ROOT, "%.0f", r.decisionsPerSecond())),
            new Row("time in cycles (real)", r -> String.format(Locale.ROOT, "%.0f ms", r.engineNanos() / 1e6)));

    public static LocalityComparison run(Scenario scenario) {
        SchedulerSettings noWait = SchedulerSettings.DEFAULTS.withLocalityWait(0, SchedulerSettings.DEFAULT_LOCALITY_THRESHOLD);
        Map<String, Integer> blindWeights = new HashMap<>(scenario.scorerWeights());
        blindWeights.put(LocalityScorer.NAME, 0);
        return new LocalityComparison(Simulator.run(scenario, SchedulerSettings.DEFAULTS),
                Simulator.run(scenario, noWait),
                Simulator.run(scenario.withScorerWeights(blindWeights), noWait));
    }

    public String format() {
        StringBuilder out = new StringBuilder();
        String format = "%-28s %18s %18s %18s%n";
        out.append(String.format(Locale.ROOT, format, "", "Stook", "no delay sched.", "locality-blind"));
        for (Row row : ROWS) {
            out.append(String.format(Locale.ROOT, format, row.label(), row.value().apply(stook),
                    row.value().apply(noDelay), row.value().apply(blind)));
        }
        return out.toString();
    }

    private static String seconds(double millis) {
        return String.format(Locale.ROOT, "%.2fs", millis / 1_000);
    }
}
