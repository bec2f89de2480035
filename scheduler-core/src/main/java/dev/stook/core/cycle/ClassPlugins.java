package dev.stook.core.cycle;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.Pod;
import dev.stook.core.plugins.FilterPlugin;
import dev.stook.core.plugins.FollowsPods;
import dev.stook.core.plugins.Input;
import dev.stook.core.plugins.NeutralWhile;
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
 * those reading other pods on a new scratch copy, and after a change to it unless they follow pods or stay
 * neutral while their condition holds ({@link NeutralWhile}). Plugins
 * that take no part for the class are left out. Plugins reading other pods are kept apart from those reading
 * usage, and those from scorers reading only node specs, so that each group's answers can be kept while only
 * another group's inputs move.
 */
final class ClassPlugins {
    private static final Set<Input> SPEC_ONLY = Set.of(Input.NODE_SPEC);
    private final NodeStage stage;
    private final PreparedFilter[] preparedFilters;
    private final PreparedScorer[] preparedScorers;
    private PreparedFilter[] usageFilters;
    private PreparedFilter[] podFilters;
    private PreparedScorer[] usageScorers;
    private int[] usageWeights;
    private PreparedScorer[] podScorers;
    private int[] podWeights;
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
        List<FollowsPods> following = List.of();
        boolean preparedAgain = !prepared;
        Reach reach = Reach.NOWHERE;
        for (int i = 0; i < preparedFilters.length; i++) {
            FilterPlugin filter = stage.filters().get(i);
            if (canFollow && followsPods(filter.reads(), preparedFilters[i], chunksMoved)) {
                following = with(following, (FollowsPods) preparedFilters[i]);
            } else if (preparedFilters[i] != PreparedFilter.NEVER_FOR_CLASS
                    && isStale(filter.reads(), preparedFilters[i], scratch, chunksMoved, podsMoved)) {
                PreparedFilter before = preparedFilters[i];
                preparedFilters[i] = filter.prepare(pod, scratch);
                preparedAgain |= preparedFilters[i] != before;
                if (podsMoved && (readsPodsAndTakesPart(filter.reads(), before)
                        || readsPodsAndTakesPart(filter.reads(), preparedFilters[i]))) {
                    reach = Reach.EVERYWHERE;
                }
            }
        }
        for (int i = 0; i < preparedScorers.length; i++) {
            ScorerPlugin scorer = stage.scorers().get(i).scorer();
            if (canFollow && followsPods(scorer.reads(), preparedScorers[i], chunksMoved)) {
                following = with(following, (FollowsPods) preparedScorers[i]);
            } else if (preparedScorers[i] != PreparedScorer.NEVER_FOR_CLASS
                    && isStale(scorer.reads(), preparedScorers[i], scratch, chunksMoved, podsMoved)) {
                PreparedScorer before = preparedScorers[i];
                preparedScorers[i] = scorer.prepare(pod, scratch);
                preparedAgain |= preparedScorers[i] != before;
                if (podsMoved && (readsPodsAndTakesPart(scorer.reads(), before)
                        || readsPodsAndTakesPart(scorer.reads(), preparedScorers[i]))) {
                    reach = Reach.EVERYWHERE;
                }
            }
        }
        boolean takingPartMoved = false;
        if (!following.isEmpty()) {
            long neutralBefore = neutralOnes(following);
            reach = reach.and(replayChanges(following, scratch));
            takingPartMoved = neutralOnes(following) != neutralBefore;
        }
        if (preparedAgain || takingPartMoved) {
            collectTakingPart();
        }
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

    /** Which of the plugins (by position, fewer than 64) answer alike for every node now. */
    private static long neutralOnes(List<FollowsPods> following) {
        long neutral = 0;
        for (int i = 0; i < following.size(); i++) {
            if (following.get(i).neutral()) {
                neutral |= 1L << i;
            }
        }
        return neutral;
    }

    private static List<FollowsPods> with(List<FollowsPods> following, FollowsPods plugin) {
        List<FollowsPods> more = following.isEmpty() ? new ArrayList<>(2) : following;
        more.add(plugin);
        return more;
    }

    private static boolean followsPods(Set<Input> reads, Object prepared, boolean chunksMoved) {
        return prepared instanceof FollowsPods && reads.contains(Input.OTHER_PODS)
                && !(chunksMoved && reads.contains(Input.CACHED_CHUNKS));
    }

    /** Whether the prepared plugin reads other pods and its answers may differ between nodes. */
    private static boolean readsPodsAndTakesPart(Set<Input> reads, Object prepared) {
        return reads.contains(Input.OTHER_PODS) && prepared != null && takesPart(prepared);
    }

    /** The first reason a node-stage filter refuses the node, or null when all accept it. */
    String firstRejection(Pod pod, NodeSlot node) {
        String reason = firstUsageRejection(pod, node);
        return reason != null ? reason : firstPodRejection(pod, node);
    }

    /** The first reason a filter not reading other pods refuses the node: fixed while its usage version is. */
    String firstUsageRejection(Pod pod, NodeSlot node) {
        return firstRejection(usageFilters, pod, node);
    }

    /** The first reason a filter reading other pods refuses the node. */
    String firstPodRejection(Pod pod, NodeSlot node) {
        return firstRejection(podFilters, pod, node);
    }

    /** The weighted scores of the scorers whose answer moves with what is in use on the node, not other pods. */
    long usageScore(Pod pod, NodeSlot node) {
        return weightedScore(usageScorers, usageWeights, pod, node);
    }

    /** The weighted scores of the scorers reading other pods. */
    long podScore(Pod pod, NodeSlot node) {
        return weightedScore(podScorers, podWeights, pod, node);
    }

    /** Whether a filter or scorer reading other pods takes part for the class. */
    boolean podPluginsTakePart() {
        return podFilters.length > 0 || podScorers.length > 0;
    }

    /** The weighted scores of the scorers reading only node specs: fixed for a node while the topology is. */
    long specScore(Pod pod, NodeSlot node) {
        return weightedScore(specScorers, specWeights, pod, node);
    }

    private static String firstRejection(PreparedFilter[] filters, Pod pod, NodeSlot node) {
        for (PreparedFilter filter : filters) {
            String reason = filter.reject(pod, node);
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    private static long weightedScore(PreparedScorer[] scorers, int[] weights, Pod pod, NodeSlot node) {
        long total = 0;
        for (int i = 0; i < scorers.length; i++) {
            total += (long) weights[i] * scorers[i].score(pod, node);
        }
        return total;
    }

    private boolean isStale(Set<Input> reads, Object prepared, ScratchCluster scratch, boolean chunksMoved,
                            boolean podsMoved) {
        return !this.prepared || (chunksMoved && reads.contains(Input.CACHED_CHUNKS))
                || (podsMoved && reads.contains(Input.OTHER_PODS)
                    && !(prepared instanceof NeutralWhile neutral && neutral.holdsIn(scratch)));
    }

    private void collectTakingPart() {
        List<PreparedFilter> byUsage = new ArrayList<>();
        List<PreparedFilter> byPods = new ArrayList<>();
        for (int i = 0; i < preparedFilters.length; i++) {
            if (takesPart(preparedFilters[i])) {
                boolean readsPods = stage.filters().get(i).reads().contains(Input.OTHER_PODS);
                (readsPods ? byPods : byUsage).add(preparedFilters[i]);
            }
        }
        usageFilters = byUsage.toArray(PreparedFilter[]::new);
        podFilters = byPods.toArray(PreparedFilter[]::new);
        WeightedGroup usage = new WeightedGroup();
        WeightedGroup pods = new WeightedGroup();
        WeightedGroup spec = new WeightedGroup();
        for (int i = 0; i < preparedScorers.length; i++) {
            if (takesPart(preparedScorers[i])) {
                WeightedScorer scorer = stage.scorers().get(i);
                Set<Input> reads = scorer.scorer().reads();
                WeightedGroup group = reads.contains(Input.OTHER_PODS) ? pods
                        : SPEC_ONLY.containsAll(reads) ? spec : usage;
                group.add(preparedScorers[i], scorer.weight());
            }
        }
        usageScorers = usage.scorers();
        usageWeights = usage.weights();
        podScorers = pods.scorers();
        podWeights = pods.weights();
        specScorers = spec.scorers();
        specWeights = spec.weights();
    }

    /**
     * Whether a prepared filter or scorer may answer differently for different nodes; one following pods
     * that answers alike for every node takes no part until a change says otherwise.
     */
    private static boolean takesPart(Object prepared) {
        return prepared != PreparedFilter.ACCEPTS_EVERY_NODE && prepared != PreparedFilter.NEVER_FOR_CLASS
                && prepared != PreparedScorer.ZERO_EVERYWHERE && prepared != PreparedScorer.NEVER_FOR_CLASS
                && !(prepared instanceof NeutralWhile)
                && !(prepared instanceof FollowsPods following && following.neutral());
    }

    /** Prepared scorers and their weights, gathered into arrays. */
    private static final class WeightedGroup {
        private final List<PreparedScorer> scorers = new ArrayList<>();
        private final List<Integer> weights = new ArrayList<>();

        void add(PreparedScorer scorer, int weight) {
            scorers.add(scorer);
            weights.add(weight);
        }

        PreparedScorer[] scorers() {
            return scorers.toArray(PreparedScorer[]::new);
        }

        int[] weights() {
            return weights.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
