package dev.stook.sim;

import dev.stook.core.cycle.SchedulerSettings;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One scenario run twice with the same seed: Stook with the gangs' topology as the scenario gives it, and
 * Stook with every gang keeping to no topology (the same jobs, the same nodes and labels).
 */
public record TopologyComparison(SimulationReport withTopology, SimulationReport without) {
    private record Row(String label, Function<SimulationReport, String> value) {}

    private static final List<Row> ROWS = List.of(
            new Row("gangs placed", r -> Integer.toString(r.gangPlacement().gangsPlaced())),
            new Row("  would fit one domain", r -> Integer.toString(r.gangPlacement().fitOneDomain())),
            new Row("  of those spread (frag.)", r -> fragmented(r.gangPlacement())),
            new Row("domains per gang", r -> String.format(Locale.ROOT, "%.2f", r.gangPlacement().domainsPerGang())),
            new Row("mean gang wait", r -> seconds(r.gangPlacement().gangWaits().meanMillis())),
            new Row("p50 gang wait", r -> seconds(r.gangPlacement().gangWaits().p50Millis())),
            new Row("p99 gang wait", r -> seconds(r.gangPlacement().gangWaits().p99Millis())),
            new Row("cpu utilisation", r -> String.format(Locale.ROOT, "%.1f%%", 100 * r.utilisation().cpu())),
            new Row("jobs completed", r -> r.jobsCompleted() + " / " + r.jobsSubmitted()),
            new Row("mean job completion time", r -> seconds(r.jobCompletion().meanMillis())),
            new Row("makespan", r -> seconds(r.makespanMillis())),
            new Row("time in cycles (real)", r -> String.format(Locale.ROOT, "%.0f ms", r.engineNanos() / 1e6)),
            new Row("p99 cycle (real)", r -> String.format(Locale.ROOT, "%.1f ms", r.cycleTimes().p99Nanos() / 1e6)));

    public static TopologyComparison run(Scenario scenario) {
        return new TopologyComparison(Simulator.run(scenario, SchedulerSettings.DEFAULTS),
                Simulator.run(scenario.withoutGangTopology(), SchedulerSettings.DEFAULTS));
    }

    public String format() {
        StringBuilder out = new StringBuilder();
        String format = "%-28s %18s %18s%n";
        out.append(String.format(Locale.ROOT, format, "in " + withTopology.gangPlacement().levelKey(), "gang topology",
                "no gang topology"));
        for (Row row : ROWS) {
            out.append(String.format(Locale.ROOT, format, row.label(), row.value().apply(withTopology),
                    row.value().apply(without)));
        }
        return out.toString();
    }

    private static String fragmented(GangPlacement placement) {
        return placement.fitOneDomain() == 0 ? "0" : String.format(Locale.ROOT, "%d (%.1f%%)", placement.fragmented(),
                100.0 * placement.fragmented() / placement.fitOneDomain());
    }

    private static String seconds(double millis) {
        return String.format(Locale.ROOT, "%.1fs", millis / 1_000);
    }
}
