package dev.stook.k8s.evict;

import dev.stook.core.model.PodId;

/** What the scheduling loop must learn of evictions that did not go through. */
public interface EvictionFeedback {
    /** The victim's eviction was refused for now ({@code why}); it is tried again. */
    void refused(PodId victim, String why);

    /** The evictor gave up on the victim, so the engine stops waiting for it. */
    void abandoned(PodId victim);
}
