package dev.stook.core.plugins;

import dev.stook.core.model.Pod;

/**
 * A prepared filter or scorer reading other pods that keeps itself up to date as pods are placed and taken
 * off, instead of being prepared again after every change, and says which nodes each change can affect: so a
 * placement re-judges the nodes of one topology domain rather than every node.
 */
public interface FollowsPods {
    /** Takes in a pod added to ({@code placed}) or taken off the node; returns the nodes whose answer may move. */
    Reach follow(Pod pod, int node, boolean placed);

    /** True while it accepts every node (a filter) or scores every node alike (a scorer). */
    boolean neutral();
}
