package dev.stook.core.plugins;

import dev.stook.core.cluster.ClusterSnapshot;
import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.LabelSelector;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodAffinity;

import java.util.List;
import java.util.Set;

/**
 * Preferred inter-pod affinity and anti-affinity: a node gains the weight of each of the pod's preferred
 * affinity terms with a matching pod in the node's domain and loses that of each such anti-affinity term,
 * as the Kubernetes API documents; placed pods whose preferred terms (or, at weight 1, required affinity
 * terms) match this pod pull it toward or push it from their domains, as kube-scheduler does. The sum maps to
 * 0 to 100 around 50 without looking at other nodes, so a placement re-scores only the domain it touches.
 */
public final class InterPodAffinityScorer implements ScorerPlugin {
    private static final Set<Input> READS = Set.of(Input.NODE_SPEC, Input.OTHER_PODS);

    @Override
    public String name() {
        return "InterPodAffinity";
    }

    @Override
    public Set<Input> reads() {
        return READS;
    }

    @Override
    public PreparedScorer prepare(Pod pod, ScratchCluster cluster) {
        List<LabelSelector> own = pod.constraints().podAffinity().preferredSelectors();
        if (own.isEmpty() && !cluster.mayHoldPodsWithAffinity()) {
            return NoAffinityAround.INSTANCE;
        }
        AffinityPreferences preferences = new AffinityPreferences(pod, cluster.snapshot());
        SelectedPods.feedOwnAndPlaced(cluster, own, preferences::countForOwnTerms, preferences::countTheirTerms);
        return preferences;
    }

    /** The node score for one class. */
    private static final class AffinityPreferences implements PreparedScorer, FollowsPods {
        private final WeightedTermCounts own;
        private final SymmetricPreferences placed;
        private final int scale;

        AffinityPreferences(Pod pod, ClusterSnapshot snapshot) {
            PodAffinity affinity = pod.constraints().podAffinity();
            own = new WeightedTermCounts(affinity.preferred(), affinity.preferredAnti(), snapshot);
            placed = new SymmetricPreferences(pod, snapshot);
            scale = Math.max(own.totalWeight(), MAX_SCORE);
        }

        @Override
        public int score(Pod pod, NodeSlot node) {
            if (neutral()) {
                return 0;
            }
            long sum = own.weightAround(node.index()) + placed.weightAround(node.index());
            long mapped = MAX_SCORE / 2 + sum * (MAX_SCORE / 2) / scale;
            return (int) Math.max(0, Math.min(MAX_SCORE, mapped));
        }

        @Override
        public Reach follow(Pod pod, int node, boolean placedThere) {
            boolean wasNeutral = neutral();
            Reach reach = countForOwnTerms(pod, node, placedThere).and(countTheirTerms(pod, node, placedThere));
            return wasNeutral != neutral() ? Reach.EVERYWHERE : reach;
        }

        /** Counts the pod where the class's own preferred terms match it. */
        Reach countForOwnTerms(Pod pod, int node, boolean placedThere) {
            return own.addWhereMatching(pod, node, placedThere ? 1 : -1);
        }

        /** Counts the pod's own terms that match the class. */
        Reach countTheirTerms(Pod pod, int node, boolean placedThere) {
            return placed.follow(pod, node, placedThere ? 1 : -1);
        }

        @Override
        public boolean neutral() {
            return own.isEmpty() && placed.pullsNowhere();
        }
    }
}
