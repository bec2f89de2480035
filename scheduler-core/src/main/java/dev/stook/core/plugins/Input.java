package dev.stook.core.plugins;

/**
 * What a filter's or scorer's answer for a node may depend on, besides the pod. Each plugin declares the
 * inputs it reads, and the placer keeps a result only as long as those inputs stay the same.
 */
public enum Input {
    /** The judged node's labels, taints, capacity and cordon: results are kept while the nodes stay the same. */
    NODE_SPEC,
    /**
     * What runs on the judged node: its pods and what they use. Results are kept per node while its usage
     * version stays the same.
     */
    NODE_USAGE,
    /**
     * The chunks cached on the judged node. Preparation may read where every chunk is cached, and is done
     * again when any node's cached chunks change; results are kept per node while its usage version (which
     * moves with its chunks) stays the same.
     */
    CACHED_CHUNKS,
    /**
     * Pods on other nodes, trial placements of the cycle included (what inter-pod affinity and topology
     * spread read). Preparation is done again after any change to the cycle's scratch copy, and then every
     * node is judged again unless the plugin takes no part for the class.
     */
    OTHER_PODS
}
