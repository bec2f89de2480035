package dev.stook.sim;

import java.util.List;

/** Share of the cluster's cpu and memory held by running pods: time-weighted overall and per time bucket. */
public record Utilisation(double cpu, double memory, List<Bucket> buckets) {
    public Utilisation {
        buckets = List.copyOf(buckets);
    }

    public record Bucket(double startMillis, double endMillis, double cpu, double memory) {}
}
