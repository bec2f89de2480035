package dev.stook.core.plugins;

import dev.stook.core.cluster.PodLabelIndex;
import dev.stook.core.cluster.PodOnNode;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.LabelSelector;
import dev.stook.core.model.Pod;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Hands a counter the pods of a scratch copy that some selectors may match: the snapshot's candidates from its
 * label index (or every pod when a selector requires no label), then every change the copy made, in order.
 * The counter checks each pod against its selectors itself.
 */
final class SelectedPods {
    /** Takes in a pod on the node, placed or taken off. */
    @FunctionalInterface
    interface Counter {
        void count(Pod pod, int node, boolean placed);
    }

    private SelectedPods() {}

    static void feed(ScratchCluster cluster, List<LabelSelector> selectors, Counter counter) {
        PodLabelIndex index = cluster.snapshot().podLabelIndex();
        Set<PodOnNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        boolean narrowed = true;
        for (LabelSelector selector : selectors) {
            List<PodOnNode> candidates = index.candidates(selector);
            if (candidates == null) {
                narrowed = false;
                break;
            }
            seen.addAll(candidates);
        }
        if (narrowed) {
            seen.forEach(placed -> counter.count(placed.pod(), placed.node(), true));
        } else {
            for (int node = 0; node < cluster.size(); node++) {
                for (Pod pod : cluster.snapshot().pods(node)) {
                    counter.count(pod, node, true);
                }
            }
        }
        for (ScratchCluster.Placed change : cluster.placements()) {
            counter.count(change.pod(), change.nodeIndex(), change.sign() > 0);
        }
    }

    /**
     * Hands {@code own} the pods a class's own terms may match (none when it has no terms) and {@code placed}
     * every pod with affinity terms of its own, which may match the class.
     */
    static void feedOwnAndPlaced(ScratchCluster cluster, List<LabelSelector> ownSelectors, Counter own,
                                 Counter placed) {
        if (!ownSelectors.isEmpty()) {
            feed(cluster, ownSelectors, own);
        }
        feedPodsWithAffinity(cluster, placed);
    }

    /** Hands the counter every pod of the scratch copy with pod affinity terms of its own, then the copy's changes to them. */
    private static void feedPodsWithAffinity(ScratchCluster cluster, Counter counter) {
        for (PodOnNode placed : cluster.snapshot().podsWithAffinity()) {
            counter.count(placed.pod(), placed.node(), true);
        }
        for (ScratchCluster.Placed change : cluster.placements()) {
            if (!change.pod().constraints().podAffinity().isEmpty()) {
                counter.count(change.pod(), change.nodeIndex(), change.sign() > 0);
            }
        }
    }
}
