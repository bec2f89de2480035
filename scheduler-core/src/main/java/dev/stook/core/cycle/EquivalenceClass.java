package dev.stook.core.cycle;

import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.explain.NodeFailures;

/**
 * What the placer has learned about one kind of pod (one {@code SchedulingSignature}) for the current
 * node topology: which nodes pass the spec-only filters, and, per such node, the result of the usage
 * filters and scorers at the node usage version it was computed for. {@link #ranking} orders those
 * results as of change {@link #rankedAtChange} of scratch copy {@link #rankedIn}.
 */
final class EquivalenceClass {
    final int[] specFeasible;
    final NodeFailures specFailures;
    final long[] checkedVersion;
    /** The weighted score, or {@code -1 - reasonCode} when a usage filter refused the node. */
    final long[] result;
    final BestNodeTree ranking;
    ScratchCluster rankedIn;
    long rankedAtChange;
    ScratchCluster fitNowhereIn;
    long fitNowhereAtReleases;
    int fitNowhereFor;
    private ScratchCluster explainedIn;
    private long explainedAtChange;
    private int explainedFor;
    private NodeFailures explanation;
    private int explainedFitting;
    /** Null until a pod of the class reading data needs it. */
    ClassLocality locality;

    EquivalenceClass(int[] specFeasible, NodeFailures specFailures) {
        this.specFeasible = specFeasible;
        this.specFailures = specFailures;
        this.checkedVersion = new long[specFeasible.length];
        this.result = new long[specFeasible.length];
        this.ranking = new BestNodeTree(specFeasible.length);
    }

    /** True when an earlier search in this scratch copy found no node and nothing has been freed since. */
    boolean knownToFitNowhere(ScratchCluster scratch) {
        return fitNowhereIn == scratch && fitNowhereAtReleases == scratch.releases()
                && fitNowhereFor == scratch.actor();
    }

    void rememberFitsNowhere(ScratchCluster scratch) {
        fitNowhereIn = scratch;
        fitNowhereAtReleases = scratch.releases();
        fitNowhereFor = scratch.actor();
    }

    /** The failure counts explained last, if nothing in the scratch copy changed since; otherwise null. */
    NodeFailures explanationStillValid(ScratchCluster scratch) {
        return explainedIn == scratch && explainedAtChange == scratch.changes() && explainedFor == scratch.actor()
                ? explanation : null;
    }

    int explainedFitting() {
        return explainedFitting;
    }

    void rememberExplanation(ScratchCluster scratch, NodeFailures failures, int fitting) {
        explainedIn = scratch;
        explainedAtChange = scratch.changes();
        explainedFor = scratch.actor();
        explanation = failures;
        explainedFitting = fitting;
    }
}
