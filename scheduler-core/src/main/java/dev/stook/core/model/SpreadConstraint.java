package dev.stook.core.model;

import java.util.Objects;

/**
 * A topology spread constraint: pods matching {@code selector} in the pod's namespace, counted per domain of
 * {@code topologyKey}, may differ by at most {@code maxSkew} between domains. {@code hard} is
 * {@code DoNotSchedule} (a filter), otherwise {@code ScheduleAnyway} (a preference). {@code minDomains}
 * (1 when unset) counts missing domains as empty. With {@code honourNodeAffinity} only nodes matching the
 * pod's node selector and required node affinity form domains; with {@code honourTaints} only nodes whose
 * taints the pod tolerates do. The selector already includes the values of {@code matchLabelKeys}.
 */
public record SpreadConstraint(int maxSkew, String topologyKey, boolean hard, LabelSelector selector,
                               int minDomains, boolean honourNodeAffinity, boolean honourTaints) {
    public SpreadConstraint {
        Objects.requireNonNull(selector, "selector");
        if (maxSkew < 1) {
            throw new IllegalArgumentException("maxSkew " + maxSkew + " is below 1");
        }
        if (topologyKey == null || topologyKey.isEmpty()) {
            throw new IllegalArgumentException("topology spread constraint without a topologyKey");
        }
        if (minDomains < 1) {
            throw new IllegalArgumentException("minDomains " + minDomains + " is below 1");
        }
    }
}
