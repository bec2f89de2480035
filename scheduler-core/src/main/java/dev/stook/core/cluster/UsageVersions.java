package dev.stook.core.cluster;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out usage versions: every change to what a node has in use, or to the chunks cached there, in
 * the cluster state or in a cycle's scratch copy, gets a number never used before. A cached per-node result is still valid while
 * the node's version is the one it was computed at, across cycles.
 */
final class UsageVersions {
    private static final AtomicLong NEXT = new AtomicLong();

    private UsageVersions() {}

    static long next() {
        return NEXT.incrementAndGet();
    }
}
