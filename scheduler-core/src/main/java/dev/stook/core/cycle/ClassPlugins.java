package dev.stook.core.cycle;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.Pod;
import dev.stook.core.plugins.FilterPlugin;
import dev.stook.core.plugins.FollowsPods;
import dev.stook.core.plugins.Input;
import dev.stook.core.plugins.PreparedFilter;
import dev.stook.core.plugins.PreparedScorer;
import dev.stook.core.plugins.Reach;
import dev.stook.core.plugins.ScorerPlugin;
import dev.stook.core.plugins.WeightedScorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One equivalence class's node-stage filters and scorers, prepared for the class and prepared again only
 * when an input they declare has changed: those reading cached chunks when the locality generation moves,
 * those reading other pods on a new scratch copy, and after a change to it unless they follow pods. Plugins that take no
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

    ClassPlugins(NodeStage stage) {
        this.stage = stage;
        this.preparedFilters = new PreparedFilter[stage.filters().size()];
        this.preparedScorers = new PreparedScorer[stage.scorers().size()];
    }

    /**
     * Prepares again, or brings up to date, whatever went stale for this scratch copy, and says which nodes'
     * earlier results may now be wrong although their usage did not move: those a change to other pods
     * reached, as told by plugins that follow pods ({@link FollowsPods}), or every node when a plugin
     * reading other pods had to be prepared again and takes part for the class now or did until now.
     */
    Reach refresh(Pod pod, ScratchCluster scratch) {
        long locality = scratch.snapshot().localityGeneration();
        boolean chunksMoved = stage.readsChunks() && locality != preparedAtLocality;
        boolean podsMoved = stage.readsOtherPods() && (scratch != preparedIn || scratch.changes() != preparedAtChange);
        if (prepared && !chunksMoved && !podsMoved) {
            return Reach.NOWHERE;
        }
        boolean canFollow = prepared && scratch == preparedIn;
        List<FollowsPods> following = new ArrayList<>();
        Reach reach = Reach.NOWHERE;
        for (int i = 0; i < preparedFilters.length; i++) {
            FilterPlugin filter = stage.filters().get(i);
            if (canFollow && followsPods(filter.reads(), preparedFilters[i], chunksMoved)) {
                following.add((FollowsPods) preparedFilters[i]);
            } else if (isStale(filter.reads(), chunksMoved, podsMoved)) {
                boolean tookPart = readsPodsAndTakesPart(filter.reads(), preparedFilters[i]);
                preparedFilters[i] = filter.prepare(pod, scratch);
                if (podsMoved && (tookPart || readsPodsAndTakesPart(filter.reads(), preparedFilters[i]))) {
                    reach = Reach.EVERYWHERE;
                }
            }
        }
        for (int i = 0; i < preparedScorers.length; i++) {
            ScorerPlugin scorer = stage.scorers().get(i).scorer();
            if (canFollow && followsPods(scorer.reads(), preparedScorers[i], chunksMoved)) {
                following.add((FollowsPods) preparedScorers[i]);
            } else if (isStale(scorer.reads(), chunksMoved, podsMoved)) {
                boolean tookPart = readsPodsAndTakesPart(scorer.reads(), preparedScorers[i]);
                preparedScorers[i] = scorer.prepare(pod, scratch);
                if (podsMoved && (tookPart || readsPodsAndTakesPart(scorer.reads(), preparedScorers[i]))) {
                    reach = Reach.EVERYWHERE;
                }
            }
        }
        if (!following.isEmpty()) {
            reach = reach.and(replayChanges(following, scratch));
        }
        collectTakingPart();
        prepared = true;
        preparedAtLocality = locality;
        preparedIn = scratch;
        preparedAtChange = scratch.changes();
        return reach;
    }

    /** Whether a placement can make a node fit the class, not only take room: a filter reading other pods takes part. */
    boolean placementsCanOpenNodes() {
        for (int i = 0; i < preparedFilters.length; i++) {
            if (readsPodsAndTakesPart(stage.filters().get(i).reads(), preparedFilters[i])) {
                return true;
            }
        }
        return false;
    }

    private Reach replayChanges(List<FollowsPods> following, ScratchCluster scratch) {
        Reach reach = Reach.NOWHERE;
        for (long change = preparedAtChange; change < scratch.changes(); change++) {
            ScratchCluster.Placed podChange = scratch.podChange(change);
            if (podChange == null) {
                continue;
            }
            for (FollowsPods plugin : following) {
                reach = reach.and(plugin.follow(podChange.pod(), podChange.nodeIndex(), podChange.sign() > 0));
            }
        }
        return reach;
    }

    private static boolean followsPods(Set<Input> reads, Object prepared, boolean chunksMoved) {
        return prepared instanceof FollowsPods && reads.contains(Input.OTHER_PODS)
                && !(chunksMoved && reads.contains(Input.CACHED_CHUNKS));
    }

    /** Whether the prepared plugin reads other pods and its answers may differ between nodes. */
    private static boolean readsPodsAndTakesPart(Set<Input> reads, Object prepared) {
        return reads.contains(Input.OTHER_PODS) && prepared != null && prepared != PreparedFilter.ACCEPTS_EVERY_NODE
                && prepared != PreparedScorer.ZERO_EVERYWHERE
                && !(prepared instanceof FollowsPods following && following.neutral());
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
