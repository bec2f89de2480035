package dev.stook.core.cycle;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.explain.NodeFailures;
import dev.stook.core.model.Pod;

import java.util.Arrays;

/**
 * What the placer has learned about one kind of pod (one {@code SchedulingSignature}) for the current
 * node topology: which nodes pass the spec-only filters, the node-stage plugins prepared for it, and, per
 * such node, the result of the node-stage filters and scorers at the node usage version it was computed
 * for. {@link #ranking} orders those results as of change {@link #rankedAtChange} of scratch copy
 * {@link #rankedIn}.
 */
final class EquivalenceClass {
    final int[] specFeasible;
    final NodeFailures specFailures;
    final ClassPlugins plugins;
    final long[] checkedVersion;
    /**
     * The weighted score of the plugins not reading other pods (spec scores included), or {@code -1 - reasonCode}
     * when such a filter refused the node: valid while the node's usage version is {@link #checkedVersion}.
     */
    final long[] usageResult;
    /** The weighted score of the scorers reading only node specs, or -1 before it is first needed. */
    private final long[] specScores;
    final BestNodeTree ranking;
    ScratchCluster rankedIn;
    long rankedAtChange;
    private ScratchCluster fitNowhereIn;
    private long fitNowhereAtReleases;
    private long fitNowhereAtChange;
    private int fitNowhereFor;
    private ScratchCluster explainedIn;
    private long explainedAtChange;
    private int explainedFor;
    private NodeFailures explanation;
    private int explainedFitting;
    /** Null until a pod of the class reading data needs it. */
    LocalityOutlook localityOutlook;
    long localityOutlookGeneration;

    EquivalenceClass(int[] specFeasible, NodeFailures specFailures, NodeStage nodeStage) {
        this(specFeasible, specFailures, nodeStage, new long[specFeasible.length], new long[specFeasible.length],
                new long[specFeasible.length]);
        Arrays.fill(specScores, -1);
    }

    private EquivalenceClass(int[] specFeasible, NodeFailures specFailures, NodeStage nodeStage,
                             long[] checkedVersion, long[] usageResult, long[] specScores) {
        this.specFeasible = specFeasible;
        this.specFailures = specFailures;
        this.plugins = new ClassPlugins(nodeStage);
        this.checkedVersion = checkedVersion;
        this.usageResult = usageResult;
        this.specScores = specScores;
        this.ranking = new BestNodeTree(specFeasible.length);
    }

    /**
     * A class for pods alike to this class's in everything but their rules relative to other pods: it starts
     * from this class's spec-feasible nodes and its results of the plugins not reading other pods, which would
     * answer the same, so only the plugins reading other pods are asked when it is first ranked.
     */
    EquivalenceClass sibling(NodeStage nodeStage) {
        return new EquivalenceClass(specFeasible, specFailures, nodeStage, checkedVersion.clone(), usageResult.clone(),
                specScores.clone());
    }

    /**
     * True when an earlier search in this scratch copy found no node and nothing has been freed since (or,
     * when placements can open nodes to the class, nothing has changed at all).
     */
    boolean knownToFitNowhere(ScratchCluster scratch) {
        return fitNowhereIn == scratch && fitNowhereFor == scratch.actor() && (plugins.placementsCanOpenNodes()
                ? fitNowhereAtChange == scratch.changes() : fitNowhereAtReleases == scratch.releases());
    }

    void rememberFitsNowhere(ScratchCluster scratch) {
        fitNowhereIn = scratch;
        fitNowhereAtReleases = scratch.releases();
        fitNowhereAtChange = scratch.changes();
        fitNowhereFor = scratch.actor();
    }

    /**
     * The node's position among the spec-feasible nodes, or a negative number when it is not one of them. A
     * position trails its node's index by the nodes left out before it, so only that window is searched: a
     * single place when no node is left out.
     */
    int positionOf(int node) {
        int count = specFeasible.length;
        if (count == 0) {
            return -1;
        }
        int leftOut = specFeasible[count - 1] + 1 - count;
        int from = Math.max(0, node - leftOut);
        int to = Math.min(count, node + 1);
        return from < to ? Arrays.binarySearch(specFeasible, from, to, node) : -1;
    }

    /** The {@code k}th feasible node's spec-only score: worked out once, as the topology is fixed for the class. */
    long specScore(int k, Pod pod, NodeSlot node) {
        if (specScores[k] < 0) {
            specScores[k] = plugins.specScore(pod, node);
        }
        return specScores[k];
    }

    /**
     * Every node is ranked again at the next search: what other pods make of it is asked afresh, while results
     * of the plugins not reading other pods are kept as long as the node's usage version is the same.
     */
    void rankAllAgain() {
        rankedIn = null;
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
