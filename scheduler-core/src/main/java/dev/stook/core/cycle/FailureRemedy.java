package dev.stook.core.cycle;

/** Runs after a unit was tried and some of its pods found no place: does what may help it next time. */
public interface FailureRemedy extends UnitRule {
    /**
     * @param tried   the unit as it was placed
     * @param outcome what the trial gave: when {@link UnitTrial.Outcome#admitted()} the unit was admitted
     *                but some members are left over
     * @return what to add to the pods' message (starting with "; "), or the empty string
     */
    String afterFailure(PendingUnit unit, SchedulingUnit tried, UnitTrial.Outcome outcome, CycleWork work);
}
