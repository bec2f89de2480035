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
    ScratchCluster reservedAllIn;
    ScratchCluster fitNowhereIn;
    long fitNowhereAtReleases;
    private ScratchCluster explainedIn;
    private long explainedAtChange;
    private NodeFailures explanation;
    private int explainedFitting;
    private LocalityOutlook outlook;
    private long outlookAtLocalityGeneration;

    EquivalenceClass(int[] specFeasible, NodeFailures specFailures) {
        this.specFeasible = specFeasible;
        this.specFailures = specFailures;
        this.checkedVersion = new long[specFeasible.length];
        this.result = new long[specFeasible.length];
        this.ranking = new BestNodeTree(specFeasible.length);
    }

    /** True when an earlier search in this scratch copy found no node and nothing has been freed since. */
    boolean knownToFitNowhere(ScratchCluster scratch) {
        return fitNowhereIn == scratch && fitNowhereAtReleases == scratch.releases();
    }

    void rememberFitsNowhere(ScratchCluster scratch) {
        fitNowhereIn = scratch;
        fitNowhereAtReleases = scratch.releases();
    }

    /** The failure counts explained last, if nothing in the scratch copy changed since; otherwise null. */
    NodeFailures explanationStillValid(ScratchCluster scratch) {
        return explainedIn == scratch && explainedAtChange == scratch.changes() ? explanation : null;
    }

    int explainedFitting() {
        return explainedFitting;
    }

    /** The locality outlook computed last, if no node's cached chunks changed since; otherwise null. */
    LocalityOutlook outlookStillValid(long localityGeneration) {
        return outlook != null && outlookAtLocalityGeneration == localityGeneration ? outlook : null;
    }

    void rememberOutlook(LocalityOutlook computed, long localityGeneration) {
        outlook = computed;
        outlookAtLocalityGeneration = localityGeneration;
    }

    void rememberExplanation(ScratchCluster scratch, NodeFailures failures, int fitting) {
        explainedIn = scratch;
        explainedAtChange = scratch.changes();
        explanation = failures;
        explainedFitting = fitting;
    }
}
