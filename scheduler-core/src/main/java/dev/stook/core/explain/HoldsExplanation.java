package dev.stook.core.explain;

import dev.stook.core.model.PodId;
import dev.stook.core.spark.ExecutorHolds;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** What a placed pod has to do with executor holds: a driver's holds, or the hold an executor took. */
public final class HoldsExplanation {
    private HoldsExplanation() {}

    /** The sentence for the pod, or null when it neither holds executors nor took a hold. */
    public static String of(PodId pod, ExecutorHolds holds) {
        ExecutorHolds.Summary summary = holds.summary(pod).orElse(null);
        if (summary != null) {
            return driver(summary);
        }
        return holds.driverOfTaker(pod).map(driver -> "took an executor hold of driver " + driver.name()
                + holds.linkOfTaker(pod).map(link -> ", found by " + link).orElse("")).orElse(null);
    }

    private static String driver(ExecutorHolds.Summary summary) {
        StringBuilder text = new StringBuilder("holds ").append(summary.liveNodes().size()).append(" of ")
                .append(summary.recorded()).append(" executors' capacity");
        if (!summary.liveNodes().isEmpty()) {
            Map<String, Integer> perNode = new TreeMap<>();
            summary.liveNodes().forEach(node -> perNode.merge(node, 1, Integer::sum));
            StringBuilder nodes = new StringBuilder();
            perNode.forEach((node, count) -> nodes.append(nodes.isEmpty() ? "" : ", ").append(node)
                    .append(count > 1 ? " (" + count + ")" : ""));
            text.append(" on ").append(nodes);
        }
        text.append("; ").append(summary.taken()).append(" taken by executors");
        if (summary.expired() > 0) {
            text.append(", ").append(summary.expired()).append(" released unused at ")
                    .append(Instant.ofEpochMilli(summary.untilMillis()));
        } else if (!summary.liveNodes().isEmpty()) {
            text.append("; those left are released at ").append(Instant.ofEpochMilli(summary.untilMillis()));
        }
        return text.toString();
    }
}
