package dev.stook.sim;

/**
 * One level of a node group's topology: the node label {@code key} and how many domains of it each domain
 * of the level above holds (the top level: how many the group has).
 */
public record TopologyLevel(String key, int domains) {
    public TopologyLevel {
        if (domains < 1) {
            throw new IllegalArgumentException("a topology level has at least one domain");
        }
    }
}
