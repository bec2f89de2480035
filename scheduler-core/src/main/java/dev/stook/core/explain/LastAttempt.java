package dev.stook.core.explain;

/** What the engine reported for the unit last: the PodScheduled reason and the message. */
public record LastAttempt(String reason, String message) {}
