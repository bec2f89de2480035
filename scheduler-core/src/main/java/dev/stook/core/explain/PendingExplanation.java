package dev.stook.core.explain;

import java.util.List;

/**
 * A pending pod's unit and where it stands.
 *
 * @param unit            the gang's name, or the pod's own for a lone pod
 * @param queue           its place in its leaf queue; null when it has none, {@code queueProblem} says why
 * @param standing        its leaf queue's share of the cluster; null when it has no queue
 * @param gang            null for a lone pod
 * @param lastAttempt     null when the engine has not tried it yet
 * @param waitingMillis   since Stook first saw the unit
 * @param localityWaitLeftMillis how much longer it waits for nodes holding its data; 0 when it does not
 * @param holdUps         what keeps it from being tried next cycle, or what it holds meanwhile; empty when
 *                        nothing does
 */
public record PendingExplanation(String unit, QueuePlace queue, String queueProblem, QueueStanding standing,
                                 GangProgress gang, LastAttempt lastAttempt, long waitingMillis,
                                 long localityWaitLeftMillis, List<String> holdUps) {
    public PendingExplanation {
        holdUps = List.copyOf(holdUps);
    }
}
