package dev.stook.bench;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.Pod;
import dev.stook.core.plugins.FilterPlugin;
import dev.stook.core.plugins.PluginProfile;
import dev.stook.core.plugins.PreparedFilter;
import dev.stook.core.plugins.PreparedScorer;
import dev.stook.core.plugins.WeightedScorer;

import java.util.List;

/**
 * What kube-scheduler does for each pod, with the same plugins as Stook: prepare every plugin for the pod,
 * run every filter on every node, then every weighted scorer on every feasible node, and take the highest
 * total (lowest node index on ties). Nothing is remembered between pods. Unlike kube-scheduler it does not stop after finding
 * {@code percentageOfNodesToScore} feasible nodes, so it makes exactly Stook's decisions. Not thread-safe.
 */
public final class PerPodBaseline implements NodeChooser {
    private final List<FilterPlugin> filters;
    private final List<WeightedScorer> scorers;
    private final PreparedFilter[] preparedFilters;
    private final PreparedScorer[] preparedScorers;
    private int[] feasible = new int[0];

    public PerPodBaseline(PluginProfile profile) {
        this.filters = profile.filters();
        this.scorers = profile.scorers();
        this.preparedFilters = new PreparedFilter[filters.size()];
        this.preparedScorers = new PreparedScorer[scorers.size()];
    }

    @Override
    public int bestNode(Pod pod, ScratchCluster scratch) {
        prepare(pod, scratch);
        int feasibleCount = filterAll(pod, scratch);
        int best = -1;
        long bestScore = -1;
        for (int k = 0; k < feasibleCount; k++) {
            long score = weightedScore(pod, scratch.slot(feasible[k]));
            if (score > bestScore) {
                bestScore = score;
                best = feasible[k];
            }
        }
        return best;
    }

    private void prepare(Pod pod, ScratchCluster scratch) {
        for (int i = 0; i < preparedFilters.length; i++) {
            preparedFilters[i] = filters.get(i).prepare(pod, scratch);
        }
        for (int i = 0; i < preparedScorers.length; i++) {
            preparedScorers[i] = scorers.get(i).scorer().prepare(pod, scratch);
        }
    }

    private int filterAll(Pod pod, ScratchCluster scratch) {
        if (feasible.length < scratch.size()) {
            feasible = new int[scratch.size()];
        }
        int count = 0;
        for (int i = 0; i < scratch.size(); i++) {
            if (passesEveryFilter(pod, scratch.slot(i))) {
                feasible[count++] = i;
            }
        }
        return count;
    }

    private boolean passesEveryFilter(Pod pod, NodeSlot node) {
        for (PreparedFilter filter : preparedFilters) {
            if (filter.reject(pod, node) != null) {
                return false;
            }
        }
        return true;
    }

    private long weightedScore(Pod pod, NodeSlot node) {
        long total = 0;
        for (int i = 0; i < preparedScorers.length; i++) {
            total += (long) scorers.get(i).weight() * preparedScorers[i].score(pod, node);
        }
        return total;
    }
}
