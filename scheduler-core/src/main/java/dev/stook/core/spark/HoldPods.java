package dev.stook.core.spark;

import dev.stook.core.model.PlacementConstraints;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.model.Resources;

import java.util.ArrayList;
import java.util.List;

/**
 * The placeholders that hold a driver's executors' capacity: one per executor, asking for what one executor
 * asks for, where the driver may run (Spark gives executors the driver's node selector; its required node
 * affinity and tolerations are taken too), in the driver's queue, at its priority and preemptibility.
 */
public final class HoldPods {
    /** Part of every placeholder's name; no pod name can contain it, so none is mistaken for a real pod. */
    static final String MARK = "#hold-";

    private HoldPods() {}

    /** The driver's placeholders, numbered from 0; none when it holds nothing. */
    public static List<Pod> of(Pod driver) {
        if (!(driver.spark() instanceof SparkRole.Driver role)) {
            return List.of();
        }
        List<Pod> holds = new ArrayList<>(role.executors());
        for (int index = 0; index < role.executors(); index++) {
            holds.add(hold(driver, index, role.executorRequests()));
        }
        return holds;
    }

    /** What the driver's placeholders ask for together; none for a pod that holds nothing. */
    public static Resources totalFor(Pod pod) {
        return pod.spark() instanceof SparkRole.Driver role ? role.executorRequests().times(role.executors())
                : Resources.NONE;
    }

    /** One executor's requests as the driver gave them, such as {@code cpu=4,memory=16Gi}. */
    public static String describe(Resources requests) {
        StringBuilder text = new StringBuilder();
        requests.toQuantities().forEach((name, quantity) ->
                text.append(text.isEmpty() ? "" : ",").append(name).append('=').append(quantity));
        return text.toString();
    }

    /** The driver's placeholder number {@code index}, asking for {@code requests}. */
    static Pod hold(Pod driver, int index, Resources requests) {
        PlacementConstraints driverConstraints = driver.constraints();
        PlacementConstraints where = new PlacementConstraints(driverConstraints.nodeSelector(),
                driverConstraints.requiredAffinity(), driverConstraints.tolerations());
        PodId id = new PodId(driver.id().namespace(), driver.id().name() + MARK + index);
        return new Pod(id, requests, driver.priority(), driver.createdAtMillis(), where)
                .inQueue(driver.queue()).withPreemptible(driver.preemptible())
                .withPreemptsOthers(driver.preemptsOthers()).withSpark(new SparkRole.Hold(driver.id()));
    }

    public static boolean isHold(Pod pod) {
        return pod.spark() instanceof SparkRole.Hold;
    }
}
