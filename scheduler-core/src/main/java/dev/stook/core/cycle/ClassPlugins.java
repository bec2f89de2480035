package dev.stook.core.cycle;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.Pod;
import dev.stook.core.plugins.FilterPlugin;
import dev.stook.core.plugins.Input;
import dev.stook.core.plugins.PreparedFilter;
import dev.stook.core.plugins.PreparedScorer;
import dev.stook.core.plugins.ScorerPlugin;
import dev.stook.core.plugins.WeightedScorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One equivalence class's node-stage filters and scorers, prepared for the class and prepared again only
 * when an input they declare has changed: those reading cached chunks when the locality generation moves,
 * those reading other pods after any change to the scratch copy (or on a new one). Plugins that take no
 * part for the class are left out of {@link #firstRejection}, {@link #usageScore} and {@link #specScore};
 * scorers reading only node specs are kept apart, so that their scores can be kept while usage moves.
 */
final class ClassPlugins {
    private static final Set<Input> SPEC_ONLY = Set.of(Input.NODE_SPEC);
    private final NodeStage stage;
    private final PreparedFilter[] preparedFilters;
    private final PreparedScorer[] preparedScorers;
    private PreparedFilter[] filtersTakingPart;
    private PreparedScorer[] usageScorers;
    private int[] usageWeights;
    private PreparedScorer[] specScorers;
    private int[] specWeights;
    private boolean prepared;
    private long preparedAtLocality;
    private ScratchCluster preparedIn;
    private long preparedAtChange;
    private boolean otherPodsTakePart;

    ClassPlugins(NodeStage stage) {
        this.stage = stage;
        this.preparedFilters = new PreparedFilter[stage.filters().size()];
        this.preparedScorers = new PreparedScorer[stage.scorers().size()];
    }

    /**
     * Prepares again whatever went stale for this scratch copy. True when per-node results computed before
     * may be wrong although the node's usage did not move: other pods moved, and a plugin reading them takes
     * part for the class now or did until now.
     */
    boolean refresh(Pod pod, ScratchCluster scratch) {
        long locality = scratch.snapshot().localityGeneration();
        boolean chunksMoved = stage.readsChunks() && locality != preparedAtLocality;
        boolean podsMoved = stage.readsOtherPods() && (scratch != preparedIn || scratch.changes() != preparedAtChange);
        if (prepared && !chunksMoved && !podsMoved) {
            return false;
        }
        boolean otherPodsTookPart = otherPodsTakePart;
        otherPodsTakePart = false;
        for (int i = 0; i < preparedFilters.length; i++) {
            FilterPlugin filter = stage.filters().get(i);
            if (isStale(filter.reads(), chunksMoved, podsMoved)) {
                preparedFilters[i] = filter.prepare(pod, scratch);
            }
            otherPodsTakePart |= filter.reads().contains(Input.OTHER_PODS)
                    && preparedFilters[i] != PreparedFilter.ACCEPTS_EVERY_NODE;
        }
        for (int i = 0; i < preparedScorers.length; i++) {
            ScorerPlugin scorer = stage.scorers().get(i).scorer();
            if (isStale(scorer.reads(), chunksMoved, podsMoved)) {
                preparedScorers[i] = scorer.prepare(pod, scratch);
            }
            otherPodsTakePart |= scorer.reads().contains(Input.OTHER_PODS)
                    && preparedScorers[i] != PreparedScorer.ZERO_EVERYWHERE;
        }
        collectTakingPart();
        prepared = true;
        preparedAtLocality = locality;
        preparedIn = scratch;
        preparedAtChange = scratch.changes();
        return podsMoved && (otherPodsTookPart || otherPodsTakePart);
    }

    /** The first reason a node-stage filter refuses the node, or null when all accept it. */
    String firstRejection(Pod pod, NodeSlot node) {
        for (PreparedFilter filter : filtersTakingPart) {
            String reason = filter.reject(pod, node);
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    /** The weighted scores of the scorers whose answer may move with what is in use on the node. */
    long usageScore(Pod pod, NodeSlot node) {
        return weightedScore(usageScorers, usageWeights, pod, node);
    }

    /** The weighted scores of the scorers reading only node specs: fixed for a node while the topology is. */
    long specScore(Pod pod, NodeSlot node) {
        return weightedScore(specScorers, specWeights, pod, node);
    }

    private static long weightedScore(PreparedScorer[] scorers, int[] weights, Pod pod, NodeSlot node) {
        long total = 0;
        for (int i = 0; i < scorers.length; i++) {
            total += (long) weights[i] * scorers[i].score(pod, node);
        }
        return total;
    }

    private boolean isStale(Set<Input> reads, boolean chunksMoved, boolean podsMoved) {
        return !prepared || (chunksMoved && reads.contains(Input.CACHED_CHUNKS))
                || (podsMoved && reads.contains(Input.OTHER_PODS));
    }

    private void collectTakingPart() {
        List<PreparedFilter> filters = new ArrayList<>();
        for (PreparedFilter filter : preparedFilters) {
            if (filter != PreparedFilter.ACCEPTS_EVERY_NODE) {
                filters.add(filter);
            }
        }
        filtersTakingPart = filters.toArray(PreparedFilter[]::new);
        List<PreparedScorer> byUsage = new ArrayList<>();
        List<Integer> byUsageWeights = new ArrayList<>();
        List<PreparedScorer> bySpec = new ArrayList<>();
        List<Integer> bySpecWeights = new ArrayList<>();
        for (int i = 0; i < preparedScorers.length; i++) {
            if (preparedScorers[i] != PreparedScorer.ZERO_EVERYWHERE) {
                WeightedScorer scorer = stage.scorers().get(i);
                boolean specOnly = SPEC_ONLY.containsAll(scorer.scorer().reads());
                (specOnly ? bySpec : byUsage).add(preparedScorers[i]);
                (specOnly ? bySpecWeights : byUsageWeights).add(scorer.weight());
            }
        }
        usageScorers = byUsage.toArray(PreparedScorer[]::new);
        usageWeights = byUsageWeights.stream().mapToInt(Integer::intValue).toArray();
        specScorers = bySpec.toArray(PreparedScorer[]::new);
        specWeights = bySpecWeights.stream().mapToInt(Integer::intValue).toArray();
    }
}
