package dev.stook.core.cycle;

import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.gang.GangAnnotations;
import dev.stook.core.gang.GangTopology;

/**
 * Places a gang that asks to sit in one topology domain ({@code stook.dev/gang-topology}). Level by level,
 * tightest first, the gang is tried in one domain of the level at a time, in {@link DomainChoice}'s order
 * and at most {@link #MAX_TRIALS_PER_LEVEL} of them; the first domain that admits it keeps it. When no
 * domain of a required level does, the gang waits and its message names the level: it is never admitted
 * across domains. When no domain of any (preferred) level does, it is placed anywhere, as a gang without a
 * topology is.
 */
final class TopologyTrial {
    /** Candidates pass a capacity check first, so most gangs are admitted by the first domain they try. */
    static final int MAX_TRIALS_PER_LEVEL = 8;

    private final UnitTrial unitTrial;

    TopologyTrial(UnitTrial unitTrial) {
        this.unitTrial = unitTrial;
    }

    UnitTrial.Trial place(SchedulingUnit unit, ScratchCluster scratch, boolean explain) {
        int mostPlaced = 0;
        DomainChoice choice = new DomainChoice(unit, scratch);
        for (GangTopology.Level level : unit.topology().levels()) {
            DomainChoice.Candidates candidates = choice.candidates(level.key());
            int tried = 0;
            for (UnitTrial.Domain domain : candidates.ordered()) {
                if (tried == MAX_TRIALS_PER_LEVEL) {
                    break;
                }
                tried++;
                int mark = scratch.mark();
                UnitTrial.Trial trial = unitTrial.placeWithin(unit, scratch, explain, domain);
                if (trial.admitted()) {
                    return trial;
                }
                mostPlaced = Math.max(mostPlaced, trial.placed());
                scratch.rollbackTo(mark);
            }
            if (level.required()) {
                String why = explain ? noDomainFits(level, candidates, tried, mostPlaced) : null;
                return new UnitTrial.Trial(false, unit.pending(), why, mostPlaced);
            }
        }
        return unitTrial.placeAnywhere(unit, scratch, explain);
    }

    private static String noDomainFits(GangTopology.Level level, DomainChoice.Candidates candidates, int tried,
                                       int mostPlaced) {
        String required = "required by " + GangAnnotations.TOPOLOGY;
        if (candidates.domains() == 0) {
            return "no node has the label " + level.key() + " (" + required + ")";
        }
        StringBuilder why = new StringBuilder("no single " + level.key() + " domain holds the gang (" + required
                + "): " + candidates.domains() + " domain" + (candidates.domains() == 1 ? "" : "s"));
        if (candidates.tooSmall() > 0) {
            why.append(", ").append(candidates.tooSmall()).append(" without room for it");
        }
        if (tried > 0) {
            why.append(", ").append(tried).append(" tried, the best placing ").append(mostPlaced)
                    .append(mostPlaced == 1 ? " member" : " members");
        }
        int untried = candidates.ordered().size() - tried;
        if (untried > 0) {
            why.append(", ").append(untried).append(" not tried");
        }
        return why.toString();
    }
}
