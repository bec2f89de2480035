package dev.stook.core.cycle;

/**
 * Why a unit is not tried, or does not take its places, in this cycle.
 *
 * @param reason           the condition reason reported on its pods, or null to report nothing
 * @param message          what the pods' condition (and {@code stook explain}) says
 * @param untilCapacityFrees the unit is not looked at again until capacity is released or it changes
 */
public record Hold(String reason, String message, boolean untilCapacityFrees) {
    /** Explained on request, not reported on the pods: they still say why the unit last failed. */
    public static Hold quiet(String message) {
        return new Hold(null, message, false);
    }

    public static Hold reported(String reason, String message) {
        return new Hold(reason, message, false);
    }

    public static Hold untilCapacityFrees(String reason, String message) {
        return new Hold(reason, message, true);
    }

    public boolean isReported() {
        return reason != null;
    }
}
