package dev.stook.core.plugins;

import dev.stook.core.cluster.ScratchCluster;

/**
 * A prepared filter or scorer reading other pods that accepts every node (or scores every node alike) for as
 * long as a cheap condition on the cluster holds, whatever else pods do: the placer keeps it while the
 * condition holds instead of preparing it again after every change, and skips it like one taking no part.
 */
public interface NeutralWhile {
    boolean holdsIn(ScratchCluster cluster);
}
