package dev.stook.core.model;

import java.util.List;

/**
 * The effective request of a pod, computed as Kubernetes does: the sum of its containers, raised to the
 * largest init container (init containers run one at a time, before the others), plus the pod overhead.
 */
public final class PodRequests {
    private PodRequests() {}

    /** @throws IllegalArgumentException when the requests add up to more than a long holds */
    public static Resources effective(List<Resources> containers, List<Resources> initContainers, Resources overhead) {
        try {
            Resources sum = Resources.NONE;
            for (Resources container : containers) {
                sum = sum.plus(container);
            }
            for (Resources init : initContainers) {
                sum = sum.max(init);
            }
            return sum.plus(overhead == null ? Resources.NONE : overhead);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("the pod's resource requests add up to more than " + Long.MAX_VALUE
                    + " base units of one resource");
        }
    }
}
