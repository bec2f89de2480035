package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterSnapshot;
import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.explain.NodeFailures;
import dev.stook.core.locality.ChunkSet;
import dev.stook.core.model.Pod;
import dev.stook.core.model.SchedulingSignature;
import dev.stook.core.plugins.Filter;
import dev.stook.core.plugins.LocalityScorer;
import dev.stook.core.plugins.PluginProfile;
import dev.stook.core.plugins.WeightedScorer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the best node for a pod: filters, then weighted scores, highest total wins (lowest node index on
 * ties, so runs are repeatable). Pods with equal signatures share the work: spec-only filters run once
 * per class while the topology is unchanged, and usage filters and scorers are re-run for a node only
 * when its usage version moved. Each class keeps its nodes ranked by those results and re-ranks only the
 * nodes changed since it last looked (in this scratch copy, the previous one, and between their snapshots),
 * so finding the best node does not walk every feasible node. Kept across cycles; not thread-safe.
 */
public final class PodPlacer {
    private static final int MAX_CLASSES = 128;
    /** When the changes to look at exceed 1/16 of a class's nodes, re-ranking all its nodes is cheaper. */
    private static final int FULL_RERANK_DIVISOR = 16;
    static final String RESERVED = "held for a unit waiting longer";

    private final List<Filter> specFilters = new ArrayList<>();
    private final List<Filter> usageFilters = new ArrayList<>();
    private final List<WeightedScorer> scorers = new ArrayList<>();
    private final int localityWeight;
    private final Map<SchedulingSignature, EquivalenceClass> classes =
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<SchedulingSignature, EquivalenceClass> eldest) {
                    return size() > MAX_CLASSES;
                }
            };
    private final List<String> reasons = new ArrayList<>();
    private final Map<String, Integer> reasonCodes = new HashMap<>();
    private ClusterSnapshot topology;

    public PodPlacer(PluginProfile profile) {
        for (Filter filter : profile.filters()) {
            (filter.readsUsage() ? usageFilters : specFilters).add(filter);
        }
        int locality = 0;
        for (WeightedScorer scorer : profile.scorers()) {
            if (scorer.scorer() instanceof LocalityScorer) {
                // scored per class from the holders of its chunks (ClassLocality), not per node
                locality += scorer.weight();
            } else {
                scorers.add(scorer);
            }
        }
        this.localityWeight = locality;
    }

    /** The index of the best node for the pod in the scratch copy, or -1 when none fits. */
    public int bestNode(Pod pod, ScratchCluster scratch) {
        EquivalenceClass cls = classOf(pod, scratch);
        if (cls.knownToFitNowhere(scratch)) {
            return -1;
        }
        int best = scan(cls, pod, scratch);
        if (best < 0) {
            cls.rememberFitsNowhere(scratch);
        }
        return best;
    }

    /**
     * Why the pod fits on no node of the scratch copy, counted per reason over all nodes.
     *
     * @param subject who is refused, such as {@code member train-7}; empty for a lone pod
     */
    public String explainNoFit(Pod pod, ScratchCluster scratch, String subject) {
        EquivalenceClass cls = classOf(pod, scratch);
        NodeFailures known = cls.explanationStillValid(scratch);
        if (known != null) {
            return known.describe(cls.explainedFitting(), scratch.size(), subject);
        }
        scan(cls, pod, scratch);
        NodeFailures failures = new NodeFailures();
        cls.specFailures.forEach(failures::add);
        int fitting = 0;
        for (int k = 0; k < cls.specFeasible.length; k++) {
            long result = cls.result[k];
            if (scratch.isReserved(cls.specFeasible[k])) {
                failures.add(RESERVED, 1);
            } else if (result >= 0) {
                fitting++;
            } else {
                failures.add(reasons.get((int) (-1 - result)), 1);
            }
        }
        cls.rememberExplanation(scratch, failures, fitting);
        return failures.describe(fitting, scratch.size(), subject);
    }

    /** Whether the pod passes every filter on the node as the scratch copy is now. */
    public boolean fitsOn(Pod pod, ScratchCluster scratch, int node) {
        return Arrays.binarySearch(classOf(pod, scratch).specFeasible, node) >= 0
                && !scratch.isReserved(node) && firstRejection(usageFilters, pod, scratch.slot(node)) == null;
    }

    /** Marks, in the set, every node the pod could ever use, whatever is running there now. */
    public void markUsableNodes(Pod pod, ScratchCluster scratch, BitSet usable) {
        for (int node : classOf(pod, scratch).specFeasible) {
            usable.set(node);
        }
    }

    /**
     * Where the pod's data is among the nodes it could ever use, whatever is running there now. Kept per
     * equivalence class until some node's cached chunks change.
     */
    LocalityOutlook localityOutlook(Pod pod, ScratchCluster scratch) {
        if (!pod.dataReads().readsData()) {
            return LocalityOutlook.NO_DATA;
        }
        return localityOf(classOf(pod, scratch), pod, scratch.snapshot()).outlook();
    }

    /** Holds every node the pod could ever use, whatever is running there now, for the unit. */
    public void reserveFor(Pod pod, ScratchCluster scratch, int unit) {
        EquivalenceClass cls = classOf(pod, scratch);
        for (int node : cls.specFeasible) {
            scratch.reserve(node, unit);
        }
    }

    private int scan(EquivalenceClass cls, Pod pod, ScratchCluster scratch) {
        ClassLocality locality = localityWeight > 0 && pod.dataReads().readsData()
                ? localityOf(cls, pod, scratch.snapshot()) : null;
        if (cls.rankedIn == scratch) {
            if ((scratch.changes() - cls.rankedAtChange) * FULL_RERANK_DIVISOR > cls.specFeasible.length) {
                rerankAll(cls, pod, scratch, locality);
            } else {
                rerankJournal(cls, pod, scratch, locality, scratch, cls.rankedAtChange);
            }
        } else {
            rerankForNewScratch(cls, pod, scratch, locality);
        }
        cls.rankedIn = scratch;
        cls.rankedAtChange = scratch.changes();
        int best = cls.ranking.best();
        return best < 0 ? -1 : cls.specFeasible[best];
    }

    /**
     * Moving from the scratch copy the class was ranked in to another, only nodes that copy changed, nodes
     * changed between the two snapshots and nodes the new copy changed can differ.
     */
    private void rerankForNewScratch(EquivalenceClass cls, Pod pod, ScratchCluster scratch, ClassLocality locality) {
        ScratchCluster previous = cls.rankedIn;
        int[] betweenSnapshots = previous == null ? null : scratch.snapshot().changedSince(previous.snapshot());
        if (betweenSnapshots == null || (betweenSnapshots.length + previous.changes() + scratch.changes())
                * FULL_RERANK_DIVISOR > cls.specFeasible.length) {
            rerankAll(cls, pod, scratch, locality);
            return;
        }
        for (int node : betweenSnapshots) {
            rerankNode(cls, pod, scratch, locality, node);
        }
        rerankJournal(cls, pod, scratch, locality, previous, 0);
        rerankJournal(cls, pod, scratch, locality, scratch, 0);
    }

    /** Re-ranks the nodes of the journal's changes from the given one on. */
    private void rerankJournal(EquivalenceClass cls, Pod pod, ScratchCluster scratch, ClassLocality locality,
                               ScratchCluster journal, long fromChange) {
        for (long change = fromChange; change < journal.changes(); change++) {
            rerankNode(cls, pod, scratch, locality, journal.changedNode(change));
        }
    }

    private void rerankNode(EquivalenceClass cls, Pod pod, ScratchCluster scratch, ClassLocality locality, int node) {
        int k = Arrays.binarySearch(cls.specFeasible, node);
        if (k >= 0) {
            cls.ranking.update(k, rank(cls, k, pod, scratch, locality));
        }
    }

    private void rerankAll(EquivalenceClass cls, Pod pod, ScratchCluster scratch, ClassLocality locality) {
        for (int k = 0; k < cls.specFeasible.length; k++) {
            cls.ranking.set(k, rank(cls, k, pod, scratch, locality));
        }
        cls.ranking.rebuild();
    }

    /** The node's current result, re-evaluated if its usage moved; -1 when reserved, so it takes no part. */
    private long rank(EquivalenceClass cls, int k, Pod pod, ScratchCluster scratch, ClassLocality locality) {
        int node = cls.specFeasible[k];
        if (scratch.isReserved(node)) {
            return -1;
        }
        long version = scratch.usageVersion(node);
        if (cls.checkedVersion[k] != version) {
            cls.result[k] = evaluate(pod, scratch.slot(node), locality);
            cls.checkedVersion[k] = version;
        }
        return cls.result[k];
    }

    private EquivalenceClass classOf(Pod pod, ScratchCluster scratch) {
        if (!scratch.snapshot().sameTopologyAs(topology)) {
            classes.clear();
            topology = scratch.snapshot();
        }
        return classes.computeIfAbsent(pod.signature(), s -> buildClass(pod, scratch));
    }

    private EquivalenceClass buildClass(Pod pod, ScratchCluster scratch) {
        int[] feasible = new int[scratch.size()];
        int count = 0;
        NodeFailures failures = new NodeFailures();
        for (int i = 0; i < scratch.size(); i++) {
            String reason = firstRejection(specFilters, pod, scratch.slot(i));
            if (reason == null) {
                feasible[count++] = i;
            } else {
                failures.add(reason, 1);
            }
        }
        return new EquivalenceClass(Arrays.copyOf(feasible, count), failures);
    }

    /** The class's Locality scores for the snapshot, recomputed only after cached chunks changed. */
    private ClassLocality localityOf(EquivalenceClass cls, Pod pod, ClusterSnapshot snapshot) {
        long generation = snapshot.localityGeneration();
        if (cls.locality == null || !cls.locality.isAt(generation)) {
            ChunkSet reads = pod.dataReads().chunks();
            cls.locality = ClassLocality.of(reads, snapshot.chunkHolders().localChunks(reads), cls.specFeasible,
                    snapshot.size(), generation);
        }
        return cls.locality;
    }

    private long evaluate(Pod pod, NodeSlot node, ClassLocality locality) {
        String reason = firstRejection(usageFilters, pod, node);
        if (reason != null) {
            return -1 - reasonCode(reason);
        }
        long total = 0;
        for (WeightedScorer scorer : scorers) {
            total += (long) scorer.weight() * scorer.scorer().score(pod, node);
        }
        if (locality != null) {
            total += (long) localityWeight * locality.score(node.index());
        }
        return total;
    }

    private static String firstRejection(List<Filter> filters, Pod pod, NodeSlot node) {
        for (Filter filter : filters) {
            String reason = filter.reject(pod, node);
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    private int reasonCode(String reason) {
        Integer code = reasonCodes.get(reason);
        if (code == null) {
            code = reasons.size();
            reasons.add(reason);
            reasonCodes.put(reason, code);
        }
        return code;
    }
}
