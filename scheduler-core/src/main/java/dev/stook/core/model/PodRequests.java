package dev.stook.core.model;

import java.util.List;

/**
 * The effective request of a pod, computed as Kubernetes does: the sum of its containers, raised to the
 * largest init container (init containers run one at a time, before the others), plus the pod overhead.
 */
public final class PodRequests {
    private PodRequests() {}

    public static Resources effective(List<Resources> containers, List<Resources> initContainers, Resources overhead) {
        Resources sum = Resources.NONE;
        for (Resources container : containers) {
            sum = sum.plus(container);
        }
        for (Resources init : initContainers) {
            sum = sum.max(init);
        }
        return sum.plus(overhead == null ? Resources.NONE : overhead);
    }
}
