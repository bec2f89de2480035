package dev.stook.core.spark;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.model.Resources;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The executor holds of admitted Spark drivers. A live hold is a placeholder pod assumed in the cluster state
 * ({@link HoldPods}), so every other placement, the queues' usage and reclaim see it as used capacity; it is never
 * a victim, as only bound pods are. A hold goes when an executor of its driver takes it (the executor's own
 * usage replaces it), when the driver ends (its place in the cluster state is gone), or when it is not taken by
 * the deadline set at admission. Not thread-safe: the scheduling thread alone uses it.
 */
public final class ExecutorHolds {
    /** A placeholder and the node it holds capacity on. */
    public record Held(Pod hold, String node) {}

    /** A hold an executor may take: whose it is, and where. */
    public record Free(PodId driver, Held held) {}

    /** What {@code stook explain} says about a driver's holds. */
    public record Summary(int recorded, List<String> liveNodes, int taken, int expired, long untilMillis) {}

    private final Map<PodId, DriverHolds> byDriver = new LinkedHashMap<>();
    private final Map<PodId, PodId> driverOfTaker = new HashMap<>();
    /** How each executor that took a hold in this engine was found to be its driver's. */
    private final Map<PodId, String> linkOfTaker = new HashMap<>();
    /** Executors read back as having taken a hold before their driver's record was read: driver, executor, node. */
    private final Map<PodId, Map<PodId, String>> earlyTakers = new HashMap<>();
    private long expiredTotal;

    /** The driver was admitted, its placeholders already assumed in the cluster state on their nodes. */
    public void admitted(Pod driver, List<Held> holds, long untilMillis) {
        DriverHolds admitted = new DriverHolds(driver, new HoldRecord(holds.get(0).hold().requests(),
                holds.stream().map(Held::node).toList(), untilMillis));
        for (Held held : holds) {
            admitted.live.put(held.hold().id(), held);
        }
        admitted.built = true;
        byDriver.put(driver.id(), admitted);
    }

    /**
     * A bound driver's record as a new leader reads it back: its placeholders are put back at the next
     * {@link #settle}. Holds in the cluster state stay as they are; a record read back before replaces the
     * earlier one (a driver recreated under the same name).
     */
    public void recorded(Pod driver, HoldRecord record) {
        DriverHolds known = byDriver.get(driver.id());
        if (known != null && (known.built || known.record.equals(record))) {
            return;
        }
        if (known != null) {
            forgetTakers(known);
        }
        DriverHolds read = new DriverHolds(driver, record);
        Map<PodId, String> early = earlyTakers.remove(driver.id());
        if (early != null) {
            early.forEach((executor, node) -> took(read, executor, node));
        }
        byDriver.put(driver.id(), read);
    }

    /** A bound executor whose record says it took a hold of the driver on its node. */
    public void takenEarlier(PodId executor, PodId driver, String node, ClusterState cluster) {
        DriverHolds holds = byDriver.get(driver);
        if (holds == null) {
            earlyTakers.computeIfAbsent(driver, key -> new HashMap<>()).put(executor, node);
            return;
        }
        if (holds.takers.containsKey(executor)) {
            return;
        }
        took(holds, executor, node);
        holds.live.values().stream().filter(held -> held.node().equals(node)).findFirst()
                .ifPresent(held -> release(holds, held, cluster));
    }

    /**
     * Brings the holds in line with the cluster and the time: puts read-back holds into the cluster state,
     * releases those of drivers that ended and those past their deadline. Returns how many expired now.
     */
    public int settle(ClusterState cluster, long nowMillis) {
        int expiredNow = 0;
        for (Iterator<DriverHolds> drivers = byDriver.values().iterator(); drivers.hasNext(); ) {
            DriverHolds holds = drivers.next();
            if (cluster.placementOf(holds.id()).isEmpty()) {
                List.copyOf(holds.live.values()).forEach(held -> release(holds, held, cluster));
                forgetTakers(holds);
                drivers.remove();
                continue;
            }
            if (!holds.built) {
                holds.built = true;
                if (nowMillis < holds.record.untilMillis()) {
                    rebuild(holds, cluster);
                }
            }
            if (nowMillis >= holds.record.untilMillis() && !holds.live.isEmpty()) {
                holds.expired += holds.live.size();
                expiredNow += holds.live.size();
                List.copyOf(holds.live.values()).forEach(held -> release(holds, held, cluster));
            }
        }
        earlyTakers.clear();
        expiredTotal += expiredNow;
        return expiredNow;
    }

    /** When the next holds expire, if any are held or waiting to be rebuilt; {@link Long#MAX_VALUE} if none. */
    public long nextExpiryMillis() {
        return byDriver.values().stream().filter(holds -> !holds.live.isEmpty() || !holds.built)
                .mapToLong(holds -> holds.record.untilMillis()).min().orElse(Long.MAX_VALUE);
    }

    /** The live holds the executor may take: those of its driver (by owner, else by application) in its namespace. */
    public List<Free> freeFor(Pod executor) {
        if (!(executor.spark() instanceof SparkRole.Executor role)) {
            return List.of();
        }
        List<Free> free = new ArrayList<>();
        for (DriverHolds holds : byDriver.values()) {
            if (holds.id().namespace().equals(executor.id().namespace()) && role.belongsTo(holds.id(), holds.app())) {
                holds.live.values().forEach(held -> free.add(new Free(holds.id(), held)));
            }
        }
        return free;
    }

    /**
     * The executor takes the hold: the placeholder leaves the cluster state. The caller assumes the executor on
     * the same node, so its own usage replaces the hold's.
     */
    public void take(Free free, Pod executor, ClusterState cluster) {
        DriverHolds holds = byDriver.get(free.driver());
        took(holds, executor.id(), free.held().node());
        SparkRole.Executor role = (SparkRole.Executor) executor.spark();
        linkOfTaker.put(executor.id(), role.driverName() != null ? "its owner reference"
                : SparkAnnotations.APP_LABEL + " " + role.app());
        release(holds, free.held(), cluster);
    }

    /** The queue of the driver the executor belongs to, if that driver holds (or held) executors. */
    public Optional<String> driverQueue(Pod executor) {
        if (!(executor.spark() instanceof SparkRole.Executor role)) {
            return Optional.empty();
        }
        return byDriver.values().stream()
                .filter(holds -> holds.id().namespace().equals(executor.id().namespace())
                        && role.belongsTo(holds.id(), holds.app()))
                .map(holds -> holds.driver.queue()).filter(queue -> queue != null).findFirst();
    }

    /** What was decided for the driver, to be written on it. */
    public Optional<HoldRecord> recordOf(PodId driver) {
        return Optional.ofNullable(byDriver.get(driver)).map(holds -> holds.record);
    }

    /**
     * How the executor that took a hold was found to belong to its driver: its owner reference, which wins, or
     * its application label; empty when it took none here (or its record was read back).
     */
    public Optional<String> linkOfTaker(PodId executor) {
        return Optional.ofNullable(linkOfTaker.get(executor));
    }

    /** The driver whose hold the executor took, if it took one. */
    public Optional<PodId> driverOfTaker(PodId executor) {
        return Optional.ofNullable(driverOfTaker.get(executor));
    }

    public Optional<Summary> summary(PodId driver) {
        DriverHolds holds = byDriver.get(driver);
        return holds == null ? Optional.empty() : Optional.of(new Summary(holds.record.nodes().size(),
                holds.live.values().stream().map(Held::node).toList(), holds.takers.size(), holds.expired,
                holds.record.untilMillis()));
    }

    /** Holds in the cluster state now. */
    public int liveHolds() {
        return byDriver.values().stream().mapToInt(holds -> holds.live.size()).sum();
    }

    /** What the live holds ask for together. */
    public Resources heldCapacity() {
        Resources sum = Resources.NONE;
        for (DriverHolds holds : byDriver.values()) {
            for (Held held : holds.live.values()) {
                sum = sum.plus(held.hold().requests());
            }
        }
        return sum;
    }

    /** Holds released because no executor took them in time, since the engine started. */
    public long expiredTotal() {
        return expiredTotal;
    }

    private void rebuild(DriverHolds holds, ClusterState cluster) {
        for (Held held : holds.toRebuild()) {
            cluster.assume(held.hold(), held.node());
            holds.live.put(held.hold().id(), held);
        }
    }

    private void took(DriverHolds holds, PodId executor, String node) {
        holds.takers.put(executor, node);
        driverOfTaker.put(executor, holds.id());
    }

    private void forgetTakers(DriverHolds holds) {
        holds.takers.keySet().forEach(driverOfTaker::remove);
        holds.takers.keySet().forEach(linkOfTaker::remove);
    }

    private static void release(DriverHolds holds, Held held, ClusterState cluster) {
        holds.live.remove(held.hold().id());
        cluster.removePod(held.hold().id());
    }
}
