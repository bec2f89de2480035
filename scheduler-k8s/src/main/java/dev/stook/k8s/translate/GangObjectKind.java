package dev.stook.k8s.translate;

import java.util.List;

/**
 * The objects outside a pod that may declare its gang, with the API versions Stook reads them in, preferred
 * first: the server is asked which it serves.
 */
public enum GangObjectKind {
    KUBERNETES_POD_GROUP("Kubernetes PodGroup", "scheduling.k8s.io", List.of("v1beta1", "v1alpha3", "v1alpha2"), "podgroups",
            "PodGroup"),
    KUBERNETES_WORKLOAD("Kubernetes Workload", "scheduling.k8s.io", List.of("v1alpha1"), "workloads", "Workload"),
    SCHEDULER_PLUGINS_POD_GROUP("scheduler-plugins PodGroup", "scheduling.x-k8s.io", List.of("v1alpha1"), "podgroups",
            "PodGroup"),
    VOLCANO_POD_GROUP("Volcano PodGroup", "scheduling.volcano.sh", List.of("v1beta1"), "podgroups", "PodGroup"),
    JOB("Job", "batch", List.of("v1"), "jobs", "Job");

    private final String description;
    private final String group;
    private final List<String> versions;
    private final String plural;
    private final String kind;

    GangObjectKind(String description, String group, List<String> versions, String plural, String kind) {
        this.description = description;
        this.group = group;
        this.versions = versions;
        this.plural = plural;
        this.kind = kind;
    }

    /** How explanations name it: {@code Volcano PodGroup}. */
    public String description() {
        return description;
    }

    public String group() {
        return group;
    }

    /** The versions Stook reads, preferred first. */
    public List<String> versions() {
        return versions;
    }

    public String plural() {
        return plural;
    }

    public String kind() {
        return kind;
    }
}
