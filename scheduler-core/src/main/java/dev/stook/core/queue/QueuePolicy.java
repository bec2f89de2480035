package dev.stook.core.queue;

import dev.stook.core.model.InputText;

/** How a leaf queue orders its own units. */
public enum QueuePolicy {
    /** Oldest first. */
    FIFO,
    /** Highest pod priority first, then oldest. */
    PRIORITY,
    /** The owner (gang, or namespace for lone pods) using the least of the queue goes first, then oldest. */
    FAIR;

    public static QueuePolicy parse(String text) {
        for (QueuePolicy policy : values()) {
            if (policy.name().equalsIgnoreCase(text)) {
                return policy;
            }
        }
        throw new IllegalArgumentException("unknown policy " + InputText.quote(text) + ": expected fifo, priority or fair");
    }
}
