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
 * Required inter-pod affinity and anti-affinity, as kube-scheduler's InterPodAffinity filter: a node passes
 * when each affinity term finds a matching pod in the node's domain (or, for the first of a set of pods
 * drawn to each other, when no pod matches yet and the pod matches its own terms), no anti-affinity term
 * does, and no pod already placed has an anti-affinity term matching this pod in the node's domain. Trial
 * placements of the cycle count, so a gang's members keep apart or together as their terms say.
 */
public final class InterPodAffinityFilter implements FilterPlugin {
    static final String AFFINITY = "node(s) didn't match pod affinity rules";
    static final String ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
    static final String EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";
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
    public PreparedFilter prepare(Pod pod, ScratchCluster cluster) {
        List<LabelSelector> own = pod.constraints().podAffinity().requiredSelectors();
        if (own.isEmpty() && !cluster.mayHoldPodsWithAffinity()) {
            return NoAffinityAround.INSTANCE;
        }
        AffinityState state = new AffinityState(pod, cluster.snapshot());
        SelectedPods.feedOwnAndPlaced(cluster, own, state::countForOwnTerms, state::countTheirTerms);
        return state;
    }

    /** What the filter knows for one class: matching pods per domain of each term. */
    private static final class AffinityState implements PreparedFilter, FollowsPods {
        private final TermCounts affinity;
        private final TermCounts anti;
        private final SymmetricAntiAffinity existing;
        private final boolean matchesOwnAffinity;

        AffinityState(Pod pod, ClusterSnapshot snapshot) {
            PodAffinity own = pod.constraints().podAffinity();
            affinity = new TermCounts(own.required(), snapshot);
            anti = new TermCounts(own.requiredAnti(), snapshot);
            existing = new SymmetricAntiAffinity(pod, snapshot);
            matchesOwnAffinity = affinity.matchesAll(pod);
        }

        @Override
        public String reject(Pod pod, NodeSlot node) {
            int index = node.index();
            if (!affinity.isEmpty() && !affinity.allPresentAround(index)
                    && !(affinity.noneMatched() && matchesOwnAffinity && affinity.allKeysOn(index))) {
                return AFFINITY;
            }
            if (anti.anyPresentAround(index)) {
                return ANTI_AFFINITY;
            }
            if (existing.blocks(index)) {
                return EXISTING_ANTI_AFFINITY;
            }
            return null;
        }

        @Override
        public Reach follow(Pod pod, int node, boolean placed) {
            return countForOwnTerms(pod, node, placed).and(countTheirTerms(pod, node, placed));
        }

        /** Counts the pod where the class's own terms match it. */
        Reach countForOwnTerms(Pod pod, int node, boolean placed) {
            int change = placed ? 1 : -1;
            Reach reach = Reach.NOWHERE;
            if (!affinity.isEmpty() && affinity.matchesAll(pod)) {
                boolean noneBefore = affinity.noneMatched();
                reach = affinity.add(node, change);
                if (matchesOwnAffinity && noneBefore != affinity.noneMatched()) {
                    reach = Reach.EVERYWHERE;
                }
            }
            return anti.isEmpty() ? reach : reach.and(anti.addWhereMatching(pod, node, change));
        }

        /** Counts the pod's own anti-affinity terms that match the class. */
        Reach countTheirTerms(Pod pod, int node, boolean placed) {
            return existing.follow(pod, node, placed ? 1 : -1);
        }

        @Override
        public boolean neutral() {
            return affinity.isEmpty() && anti.isEmpty() && existing.blocksNothing();
        }
    }
}
