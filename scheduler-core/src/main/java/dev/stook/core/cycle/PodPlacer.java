package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterSnapshot;
import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.explain.NodeFailures;
import dev.stook.core.locality.ChunkSet;
import dev.stook.core.model.Pod;
import dev.stook.core.plugins.FilterPlugin;
import dev.stook.core.plugins.Input;
import dev.stook.core.plugins.PluginProfile;
import dev.stook.core.plugins.PreparedFilter;
import dev.stook.core.plugins.Reach;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the best node for a pod: filters, then weighted scores, highest total wins (lowest node index on
 * ties, so runs are repeatable). Pods that look alike to every plugin ({@link PodLook}) share the work, as
 * far as what each plugin declares it reads ({@link Input}) allows: plugins are prepared once per class;
 * filters reading only node specs run once per class while the topology is unchanged; the plugins reading
 * usage are re-run for a node only when its usage version moved; those reading other pods are asked again
 * for the nodes a change to other pods reached ({@link ClassPlugins}). Each class keeps its nodes ranked by those
 * results and re-ranks only the nodes changed since it last looked (in this scratch copy, the previous
 * one, and between their snapshots), so finding the best node does not walk every feasible node. Kept
 * across cycles while the nodes and the namespace labels stay the same (classes are built afresh when either
 * changes); not thread-safe.
 */
public final class PodPlacer {
    private static final int MAX_CLASSES = 128;
    /** When the changes to look at exceed half of a class's nodes, ranking all its nodes again is as cheap. */
    private static final int MOSTLY_CHANGED_DIVISOR = 2;
    private static final int REASONS_SOUGHT_BY_IDENTITY = 16;
    static final String RESERVED = "held for a unit waiting longer";
    private static final Set<Input> SPEC_ONLY = Set.of(Input.NODE_SPEC);

    private final List<FilterPlugin> specFilters = new ArrayList<>();
    private final NodeStage nodeStage;
    private final Map<Object, EquivalenceClass> classes =
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Object, EquivalenceClass> eldest) {
                    return size() > MAX_CLASSES;
                }
            };
    /** Nodes to rank again, marked by index and cleared after each use. */
    private final BitSet marked = new BitSet();
    private final List<String> reasons = new ArrayList<>();
    private final Map<String, Integer> reasonCodes = new HashMap<>();
    private ClusterSnapshot topology;

    public PodPlacer(PluginProfile profile) {
        List<FilterPlugin> nodeFilters = new ArrayList<>();
        for (FilterPlugin filter : profile.filters()) {
            (SPEC_ONLY.containsAll(filter.reads()) ? specFilters : nodeFilters).add(filter);
        }
        this.nodeStage = NodeStage.of(nodeFilters, profile.scorers());
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
     * The best of the given nodes (ascending indices) for the pod, or -1 when none fits: what
     * {@link #bestNode} would choose were the cluster only those nodes. Looks at each of them, reusing the
     * class's results for nodes whose usage did not change, so it suits small sets such as a rack's nodes.
     */
    public int bestNodeAmong(Pod pod, ScratchCluster scratch, int[] nodes) {
        EquivalenceClass cls = classOf(pod, scratch);
        if (cls.knownToFitNowhere(scratch)) {
            return -1;
        }
        refreshPlugins(cls, pod, scratch);
        int best = -1;
        long bestResult = -1;
        for (int node : nodes) {
            int k = cls.positionOf(node);
            if (k < 0) {
                continue;
            }
            // The class's ranking tree is left as it is: the nodes changed since it was built are re-ranked
            // from the scratch copy's journal at the next full search, whatever was computed here.
            long result = rank(cls, k, pod, scratch);
            if (result > bestResult) {
                bestResult = result;
                best = node;
            }
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
            long result = cls.ranking.score(k);
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
        EquivalenceClass cls = classOf(pod, scratch);
        refreshPlugins(cls, pod, scratch);
        return cls.positionOf(node) >= 0
                && !scratch.isReserved(node) && cls.plugins.firstRejection(pod, scratch.slot(node)) == null;
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
        EquivalenceClass cls = classOf(pod, scratch);
        ClusterSnapshot snapshot = scratch.snapshot();
        long generation = snapshot.localityGeneration();
        if (cls.localityOutlook == null || cls.localityOutlookGeneration != generation) {
            ChunkSet reads = pod.dataReads().chunks();
            cls.localityOutlook = LocalityOutlook.of(reads, snapshot.chunkHolders().localChunks(reads), cls.specFeasible);
            cls.localityOutlookGeneration = generation;
        }
        return cls.localityOutlook;
    }

    private int scan(EquivalenceClass cls, Pod pod, ScratchCluster scratch) {
        refreshPlugins(cls, pod, scratch);
        if (cls.rankedIn == scratch) {
            rerankSince(cls, pod, scratch, cls.rankedAtChange);
        } else {
            rerankForNewScratch(cls, pod, scratch);
        }
        cls.rankedIn = scratch;
        cls.rankedAtChange = scratch.changes();
        int best = cls.ranking.best();
        return best < 0 ? -1 : cls.specFeasible[best];
    }

    /** Re-ranks the nodes the scratch copy changed from the given change on. */
    private void rerankSince(EquivalenceClass cls, Pod pod, ScratchCluster scratch, long fromChange) {
        long changes = scratch.changes() - fromChange;
        if (changes * MOSTLY_CHANGED_DIVISOR > cls.specFeasible.length) {
            rerankAll(cls, pod, scratch);
        } else if (areMany(cls, changes)) {
            markJournal(scratch, fromChange);
            rerankMarked(cls, pod, scratch);
        } else {
            rerankJournal(cls, pod, scratch, scratch, fromChange);
        }
    }

    /**
     * Moving from the scratch copy the class was ranked in to another, only nodes that copy changed, nodes
     * changed between the two snapshots and nodes the new copy changed can differ.
     */
    private void rerankForNewScratch(EquivalenceClass cls, Pod pod, ScratchCluster scratch) {
        ScratchCluster previous = cls.rankedIn;
        int[] betweenSnapshots = previous == null ? null : scratch.snapshot().changedSince(previous.snapshot());
        if (betweenSnapshots == null || (betweenSnapshots.length + previous.changes() + scratch.changes())
                * MOSTLY_CHANGED_DIVISOR > cls.specFeasible.length) {
            rerankAll(cls, pod, scratch);
            return;
        }
        for (int node : betweenSnapshots) {
            marked.set(node);
        }
        markJournal(previous, 0);
        markJournal(scratch, 0);
        rerankMarked(cls, pod, scratch);
    }

    private void markJournal(ScratchCluster journal, long fromChange) {
        for (long change = fromChange; change < journal.changes(); change++) {
            marked.set(journal.changedNode(change));
        }
    }

    /**
     * Ranks again the class's nodes among those marked, replaying each match of the ranking once, and clears
     * the marks. Many marks are met by walking the class's nodes, a few by looking each up.
     */
    private void rerankMarked(EquivalenceClass cls, Pod pod, ScratchCluster scratch) {
        int[] feasible = cls.specFeasible;
        if (areMany(cls, marked.cardinality())) {
            for (int k = 0; k < feasible.length; k++) {
                if (marked.get(feasible[k])) {
                    cls.ranking.stage(k, rank(cls, k, pod, scratch));
                }
            }
        } else {
            for (int node = marked.nextSetBit(0); node >= 0; node = marked.nextSetBit(node + 1)) {
                int k = cls.positionOf(node);
                if (k >= 0) {
                    cls.ranking.stage(k, rank(cls, k, pod, scratch));
                }
            }
        }
        cls.ranking.replayStaged();
        marked.clear();
    }

    /** Whether walking all the class's nodes is cheaper than looking up that many nodes one by one. */
    private static boolean areMany(EquivalenceClass cls, long nodes) {
        int count = cls.specFeasible.length;
        return nodes * (Integer.SIZE - Integer.numberOfLeadingZeros(count)) > count;
    }

    /** Re-ranks the nodes of the journal's changes from the given one on. */
    private void rerankJournal(EquivalenceClass cls, Pod pod, ScratchCluster scratch,
                               ScratchCluster journal, long fromChange) {
        for (long change = fromChange; change < journal.changes(); change++) {
            rerankNode(cls, pod, scratch, journal.changedNode(change));
        }
    }

    private void rerankNode(EquivalenceClass cls, Pod pod, ScratchCluster scratch, int node) {
        int k = cls.positionOf(node);
        if (k >= 0) {
            cls.ranking.update(k, rank(cls, k, pod, scratch));
        }
    }

    private void rerankAll(EquivalenceClass cls, Pod pod, ScratchCluster scratch) {
        for (int k = 0; k < cls.specFeasible.length; k++) {
            cls.ranking.set(k, rank(cls, k, pod, scratch));
        }
        cls.ranking.rebuild();
    }

    /**
     * Brings the class's plugins up to date and ranks again the nodes a change to other pods reached: at once
     * when the class's ranking is of this scratch copy, otherwise every node at the next search.
     */
    private void refreshPlugins(EquivalenceClass cls, Pod pod, ScratchCluster scratch) {
        Reach reach = cls.plugins.refresh(pod, scratch);
        if (reach.nowhere()) {
            return;
        }
        if (reach.everywhere() || cls.rankedIn != scratch) {
            cls.rankAllAgain();
            return;
        }
        int reached = 0;
        for (int[] nodes : reach.nodeSets()) {
            reached += nodes.length;
        }
        if (areMany(cls, reached)) {
            for (int[] nodes : reach.nodeSets()) {
                for (int node : nodes) {
                    marked.set(node);
                }
            }
            rerankMarked(cls, pod, scratch);
            return;
        }
        for (int[] nodes : reach.nodeSets()) {
            for (int node : nodes) {
                rerankNode(cls, pod, scratch, node);
            }
        }
    }

    /**
     * The node's current result: the plugins not reading other pods asked again only if its usage moved, those
     * reading other pods asked every time; -1 when reserved, so it takes no part. Most calls find the usage
     * result still valid and nothing else to ask: that path is kept apart from asking the plugins again.
     */
    private long rank(EquivalenceClass cls, int k, Pod pod, ScratchCluster scratch) {
        int node = cls.specFeasible[k];
        if (scratch.isReserved(node)) {
            return -1;
        }
        long version = scratch.usageVersion(node);
        if (cls.checkedVersion[k] == version && !cls.plugins.podPluginsTakePart()) {
            return cls.usageResult[k];
        }
        return rankAfresh(cls, k, pod, scratch.slot(node), version);
    }

    private long rankAfresh(EquivalenceClass cls, int k, Pod pod, NodeSlot slot, long version) {
        if (cls.checkedVersion[k] != version) {
            String reason = cls.plugins.firstUsageRejection(pod, slot);
            cls.usageResult[k] = reason != null ? -1 - reasonCode(reason)
                    : cls.plugins.usageScore(pod, slot) + cls.specScore(k, pod, slot);
            cls.checkedVersion[k] = version;
        }
        long result = cls.usageResult[k];
        if (result >= 0 && cls.plugins.podPluginsTakePart()) {
            String reason = cls.plugins.firstPodRejection(pod, slot);
            result = reason != null ? -1 - reasonCode(reason) : result + cls.plugins.podScore(pod, slot);
        }
        return result;
    }

    private EquivalenceClass classOf(Pod pod, ScratchCluster scratch) {
        if (!scratch.snapshot().sameRulesInputsAs(topology)) {
            classes.clear();
            topology = scratch.snapshot();
        }
        Object key = PodLook.classKey(pod, scratch);
        EquivalenceClass cls = classes.get(key);
        if (cls == null) {
            EquivalenceClass sibling = pod.constraints().placesRelativeToPods()
                    ? classes.get(pod.signature().withoutPodRelations()) : null;
            cls = sibling != null ? sibling.sibling(nodeStage) : buildClass(pod, scratch);
            classes.put(key, cls);
        }
        return cls;
    }

    private EquivalenceClass buildClass(Pod pod, ScratchCluster scratch) {
        List<PreparedFilter> prepared = new ArrayList<>();
        for (FilterPlugin filter : specFilters) {
            PreparedFilter forClass = filter.prepare(pod, scratch);
            if (forClass != PreparedFilter.ACCEPTS_EVERY_NODE) {
                prepared.add(forClass);
            }
        }
        int[] feasible = new int[scratch.size()];
        int count = 0;
        NodeFailures failures = new NodeFailures();
        for (int i = 0; i < scratch.size(); i++) {
            String reason = firstRejection(prepared, pod, scratch.slot(i));
            if (reason == null) {
                feasible[count++] = i;
            } else {
                failures.add(reason, 1);
            }
        }
        return new EquivalenceClass(Arrays.copyOf(feasible, count), failures, nodeStage);
    }

    private static String firstRejection(List<PreparedFilter> filters, Pod pod, NodeSlot node) {
        for (PreparedFilter filter : filters) {
            String reason = filter.reject(pod, node);
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    /**
     * The reason's number. The reasons met first are nearly always the plugins' own constants, so they are
     * sought by identity before the map: a refused node's reason is asked for on every rank.
     */
    private int reasonCode(String reason) {
        for (int code = 0; code < Math.min(reasons.size(), REASONS_SOUGHT_BY_IDENTITY); code++) {
            if (reasons.get(code) == reason) {
                return code;
            }
        }
        Integer code = reasonCodes.get(reason);
        if (code == null) {
            code = reasons.size();
            reasons.add(reason);
            reasonCodes.put(reason, code);
        }
        return code;
    }
}
