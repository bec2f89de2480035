package dev.stook.core.preempt;

import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.cycle.CycleWork;
import dev.stook.core.cycle.FailureRemedy;
import dev.stook.core.cycle.PendingUnit;
import dev.stook.core.cycle.PodPlacer;
import dev.stook.core.cycle.Scheduler;
import dev.stook.core.cycle.SchedulingUnit;
import dev.stook.core.cycle.UnitContext;
import dev.stook.core.cycle.UnitTrial;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.queue.QueueLimits;
import dev.stook.core.queue.QueueView;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Evicts for a unit that does not fit when it is owed room: from pods of queues above their fair share when
 * it fits inside its own queue's guarantee (reclaim), and from lower-priority pods of its own queue
 * (preemption). Victims are proven to make room before any is evicted, and the nodes they free are held for
 * the unit until it is placed or they are gone. What may be evicted is worked out once per cycle, and only
 * if some unit is owed room; the searches per cycle are bounded, for the first units in queue order. A unit
 * with a member whose {@code preemptionPolicy} is {@code Never} has nothing evicted for it.
 */
public final class Reclaim implements FailureRemedy {
    private static final int MAX_VICTIM_GROUPS_TRIED = 256;
    private static final int MAX_SEARCHES_PER_CYCLE = 16;
    static final String NEVER_PREEMPTS = "its preemptionPolicy is Never: no pod is evicted to make room for it";

    /** Pods evicted and not yet gone. */
    private final Set<PodId> evicting = new HashSet<>();
    private final Preemptor preemptor;
    private VictimPool pool;
    private int searchesLeft;

    /** What the rule remembers about one unit. */
    private static final class Claim {
        /** The cluster's capacity releases at the unit's last search for victims. */
        long searchedAt = -1;
        /** Nodes where its victims run. */
        Set<String> nominatedNodes = Set.of();
        /** Pods it had evicted, still going away. */
        Set<PodId> awaitedVictims = Set.of();
        /** Why the latest eviction of one of them was refused; null when none was. */
        String refusal;
    }

    public Reclaim(UnitTrial trial, PodPlacer placer) {
        this.preemptor = new Preemptor(trial, placer, MAX_VICTIM_GROUPS_TRIED);
    }

    /** Capacity being freed by evictions goes to the unit it was freed for, not to whoever comes first. */
    @Override
    public void beginCycle(CycleWork work) {
        evicting.removeIf(id -> work.context().cluster().placementOf(id).isEmpty());
        pool = null;
        searchesLeft = MAX_SEARCHES_PER_CYCLE;
        ScratchCluster scratch = work.scratch();
        for (PendingUnit unit : work.units()) {
            Claim claim = unit.stateIfAny(Claim.class);
            for (String node : claim == null ? Set.<String>of() : claim.nominatedNodes) {
                int index = scratch.snapshot().indexOf(node);
                if (index >= 0) {
                    scratch.reserve(index, unit.reservationId());
                }
            }
        }
    }

    /**
     * The adapter gave up evicting the pod (it may lack the permission): it no longer counts as going
     * away, so the unit that wanted its room may look for other victims.
     */
    public void evictionAbandoned(PodId id, Collection<PendingUnit> units) {
        evicting.remove(id);
        for (PendingUnit unit : units) {
            Claim claim = claim(unit);
            if (claim.awaitedVictims.contains(id)) {
                claim.searchedAt = -1;
                claim.refusal = null;
                unit.forgetFailure();
            }
        }
    }

    /**
     * The adapter was refused the pod's eviction and retries it: units waiting for it are tried again next
     * cycle, so their conditions say what holds them up.
     */
    public void evictionRefused(PodId id, String why, Collection<PendingUnit> units) {
        for (PendingUnit unit : units) {
            Claim claim = unit.stateIfAny(Claim.class);
            if (claim != null && claim.awaitedVictims.contains(id)) {
                claim.refusal = why;
                unit.forgetFailure();
            }
        }
    }

    @Override
    public String holdUp(PendingUnit unit, UnitContext context) {
        if (!unit.preemptsOthers()) {
            return NEVER_PREEMPTS;
        }
        Claim claim = claim(unit);
        long victims = stillGoing(claim);
        return victims > 0 ? waitingFor(victims, claim) : null;
    }

    private static String waitingFor(long victims, Claim claim) {
        return "waiting for " + victims + " evicted pods to terminate"
                + (claim.refusal == null ? "" : " (" + claim.refusal + ")");
    }

    @Override
    public String afterFailure(PendingUnit unit, SchedulingUnit tried, UnitTrial.Outcome outcome, CycleWork work) {
        if (outcome.admitted() || !unit.preemptsOthers()) {
            return "";
        }
        Claim claim = claim(unit);
        long stillGoing = stillGoing(claim);
        if (stillGoing > 0) {
            return "; " + waitingFor(stillGoing, claim);
        }
        claim.nominatedNodes = Set.of();
        claim.refusal = null;
        UnitContext context = work.context();
        QueueView queues = context.queues();
        String leaf = unit.queue();
        boolean owedGuarantee = !queues.config().queue(leaf).guaranteed().isZero()
                && QueueLimits.excess(queues.allocated(leaf), unit.requests(), queues.config().guaranteeOf(leaf)) == null;
        if (searchesLeft == 0 || !owedGuarantee && !context.cluster().hasPreemptibleBelow(leaf, unit.priority())
                || claim.searchedAt == context.capacityReleases()) {
            return "";
        }
        claim.searchedAt = context.capacityReleases();
        searchesLeft--;
        int priority = unit.priority();
        Predicate<VictimGroup> eligible = group -> group.queue().equals(leaf)
                ? group.priority() < priority
                : owedGuarantee && queues.overShare(group.queue()) > 1.0;
        ScratchCluster scratch = work.scratch();
        Preemptor.Choice choice = preemptor.choose(tried, scratch, pool(work), eligible, queues, unit.gang());
        if (choice.victims().isEmpty()) {
            return "";
        }
        return evict(unit, claim, choice, work);
    }

    private String evict(PendingUnit unit, Claim claim, Preemptor.Choice choice, CycleWork work) {
        Set<String> nominated = new HashSet<>();
        for (int node : choice.targetNodes()) {
            nominated.add(work.scratch().snapshot().node(node).name());
            work.scratch().reserve(node, unit.reservationId());
        }
        Set<PodId> awaited = new HashSet<>();
        String leaf = unit.queue();
        for (VictimGroup victim : choice.victims()) {
            String why = victim.queue().equals(leaf)
                    ? "preempted by higher-priority " + describe(unit) + " in queue " + leaf
                    : "reclaimed for " + describe(unit) + ": queue " + leaf + " is below its guarantee and "
                            + victim.queue() + " is above its fair share";
            for (Pod pod : victim.pods()) {
                work.evict(pod, Scheduler.PREEMPTED, why);
                evicting.add(pod.id());
                awaited.add(pod.id());
            }
        }
        claim.awaitedVictims = awaited;
        claim.nominatedNodes = nominated;
        return "; evicting " + awaited.size() + " pods from " + choice.victims().stream().map(VictimGroup::queue)
                .distinct().sorted().collect(Collectors.joining(", ")) + " to make room";
    }

    private VictimPool pool(CycleWork work) {
        if (pool == null) {
            pool = new VictimPool(work.context().cluster().placements(), work.scratch().snapshot(), evicting);
        }
        return pool;
    }

    private long stillGoing(Claim claim) {
        return claim.awaitedVictims.stream().filter(evicting::contains).count();
    }

    private static Claim claim(PendingUnit unit) {
        return unit.state(Claim.class, Claim::new);
    }

    private static String describe(PendingUnit unit) {
        return unit.isGang() ? "gang " + unit.name() : "pod " + unit.name();
    }
}
