package dev.stook.core.overview;

/**
 * One resource of one queue: amounts as Kubernetes quantities, and the same as fractions of the cluster's
 * capacity for drawing bars.
 *
 * @param max     the queue's cap; null when it has none
 * @param pending what its pending units ask for that could be admitted
 */
public record QueueResource(String resource, String allocated, String fairShare, String guaranteed, String max,
                            String pending, String capacity, Shares shares) {
    /** Fractions of the cluster's capacity (0 when the cluster offers none); {@code max} is 1 when uncapped. */
    public record Shares(double allocated, double fairShare, double guaranteed, double max, double pending) {}
}
