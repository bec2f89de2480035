package dev.stook.core.cycle;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.Pod;
import dev.stook.core.plugins.FilterPlugin;
import dev.stook.core.plugins.Input;
import dev.stook.core.plugins.PreparedFilter;
import dev.stook.core.plugins.PreparedScorer;
import dev.stook.core.plugins.ScorerPlugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One equivalence class's node-stage filters and scorers, prepared for the class and prepared again only
 * when an input they declare has changed: those reading cached chunks when the locality generation moves,
 * those reading other pods after any change to the scratch copy (or on a new one). Plugins that take no
 * part for the class are left out of {@link #firstRejection} and {@link #weightedScore}.
 */
final class ClassPlugins {
    private final NodeStage stage;
    private final PreparedFilter[] preparedFilters;
    private final PreparedScorer[] preparedScorers;
    private PreparedFilter[] filtersTakingPart;
    private PreparedScorer[] scorersTakingPart;
    private int[] weightsTakingPart;
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

    long weightedScore(Pod pod, NodeSlot node) {
        long total = 0;
        for (int i = 0; i < scorersTakingPart.length; i++) {
            total += (long) weightsTakingPart[i] * scorersTakingPart[i].score(pod, node);
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
        List<PreparedScorer> scorers = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (int i = 0; i < preparedScorers.length; i++) {
            if (preparedScorers[i] != PreparedScorer.ZERO_EVERYWHERE) {
                scorers.add(preparedScorers[i]);
                weights.add(stage.scorers().get(i).weight());
            }
        }
        scorersTakingPart = scorers.toArray(PreparedScorer[]::new);
        weightsTakingPart = weights.stream().mapToInt(Integer::intValue).toArray();
    }
}
