package dev.stook.core.explain;

import java.util.List;

/**
 * A leaf queue's dominant share of the cluster now, its fair share and its guarantee as dominant shares,
 * and the amounts behind them for the resources the unit asks for.
 */
public record QueueStanding(double dominantShare, double fairShare, double guaranteedShare,
                            List<ResourceStanding> resources) {
    public QueueStanding {
        resources = List.copyOf(resources);
    }

    /** Amounts as Kubernetes quantities; {@code max} is null when the queue does not cap the resource. */
    public record ResourceStanding(String resource, String allocated, String fairShare, String guaranteed,
                                   String max) {}
}
