package dev.stook.core.spark;

import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One admitted driver's holds: what was decided (placeholder {@code i} on {@code record.nodes()[i]}), the
 * placeholders still in the cluster state, and the executors that took one (each on its node).
 */
final class DriverHolds {
    final Pod driver;
    final HoldRecord record;
    final Map<PodId, ExecutorHolds.Held> live = new LinkedHashMap<>();
    final Map<PodId, String> takers = new LinkedHashMap<>();
    /** False for a record read back until its placeholders are put into the cluster state. */
    boolean built;
    int expired;

    DriverHolds(Pod driver, HoldRecord record) {
        this.driver = driver;
        this.record = record;
    }

    PodId id() {
        return driver.id();
    }

    String app() {
        return driver.labels().get(SparkAnnotations.APP_LABEL);
    }

    /** The placeholders to rebuild: the recorded ones, less one per executor that took one on that node. */
    List<ExecutorHolds.Held> toRebuild() {
        Map<String, Integer> takenOn = new LinkedHashMap<>();
        takers.values().forEach(node -> takenOn.merge(node, 1, Integer::sum));
        List<ExecutorHolds.Held> holds = new ArrayList<>();
        for (int index = 0; index < record.nodes().size(); index++) {
            String node = record.nodes().get(index);
            if (takenOn.getOrDefault(node, 0) > 0) {
                takenOn.merge(node, -1, Integer::sum);
            } else {
                holds.add(new ExecutorHolds.Held(HoldPods.hold(driver, index, record.perHold()), node));
            }
        }
        return holds;
    }
}
