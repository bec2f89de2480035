package dev.stook.sim;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Two runs of one scenario side by side, Stook's queues against a FIFO single-queue baseline: each of
 * the scenario's queues (judged against the scenario's fair shares in both), then run-wide figures.
 * The figures are defined in {@link QueueOutcome}.
 */
public final class QueueComparisonFormatter {
    private QueueComparisonFormatter() {}

    private record Row(String label, Function<SimulationReport, String> value) {}

    private static final List<Row> TOTALS = List.of(
            new Row("jobs completed", r -> r.jobsCompleted() + " / " + r.jobsSubmitted()),
            new Row("cpu utilisation", r -> percent(r.utilisation().cpu())),
            new Row("mean job completion time", r -> seconds(r.jobCompletion().meanMillis())),
            new Row("p99 job completion time", r -> seconds(r.jobCompletion().p99Millis())),
            new Row("worst leaf share error", r -> percent(r.queues().stream().filter(QueueOutcome::leaf)
                    .mapToDouble(QueueOutcome::shareError).max().orElse(0))),
            new Row("owed spells (all leaves)", r -> Integer.toString(r.queues().stream().filter(QueueOutcome::leaf)
                    .mapToInt(q -> q.reclaim().count()).sum())),
            new Row("longest reclaim", r -> seconds(r.queues().stream().filter(QueueOutcome::leaf)
                    .mapToLong(q -> q.reclaim().maxMillis()).max().orElse(0))),
            new Row("pods evicted", r -> r.evictions() + " (" + ReportFormatter.perHour(r.evictions(),
                    r.ending().atMillis() / 3_600_000.0) + "/h)"),
            new Row("non-preemptible pods evicted", r -> Integer.toString(r.nonPreemptibleEvictions())));

    public static String format(SimulationReport stook, SimulationReport fifo) {
        StringBuilder out = new StringBuilder();
        String queueFormat = "%-20s | %6s %6s %6s %15s %7s | %6s %6s %6s %15s %7s%n";
        out.append(String.format(Locale.ROOT, queueFormat, "", "Stook", "", "", "", "", "FIFO", "", "", "", ""));
        out.append(String.format(Locale.ROOT, queueFormat, "queue", "share", "fair", "error", "reclaim mean/max",
                "evict/h", "share", "fair", "error", "reclaim mean/max", "evict/h"));
        for (int i = 0; i < stook.queues().size(); i++) {
            QueueOutcome s = stook.queues().get(i);
            QueueOutcome f = fifo.queues().get(i);
            out.append(String.format(Locale.ROOT, queueFormat, s.path(),
                    percent(s.meanShare()), percent(s.meanFairShare()), percent(s.shareError()), reclaim(s),
                    ReportFormatter.perHour(s.evictions(), stook.ending().atMillis() / 3_600_000.0),
                    percent(f.meanShare()), percent(f.meanFairShare()), percent(f.shareError()), reclaim(f),
                    ReportFormatter.perHour(f.evictions(), fifo.ending().atMillis() / 3_600_000.0)));
        }
        out.append('\n');
        String totalFormat = "%-30s %24s %24s%n";
        out.append(String.format(Locale.ROOT, totalFormat, "", "Stook queues", "FIFO single queue"));
        for (Row row : TOTALS) {
            out.append(String.format(Locale.ROOT, totalFormat, row.label(), row.value().apply(stook),
                    row.value().apply(fifo)));
        }
        return out.toString();
    }

    private static String reclaim(QueueOutcome queue) {
        if (!queue.leaf()) {
            return "-";
        }
        String open = queue.reclaimOpenAtEnd() > 0 ? "+open" : "";
        return queue.reclaim().count() == 0 ? "none" + open
                : seconds(queue.reclaim().meanMillis()) + "/" + seconds(queue.reclaim().maxMillis()) + open;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String seconds(double millis) {
        return String.format(Locale.ROOT, "%.1fs", millis / 1_000);
    }
}
