package dev.stook.core.model;

import java.util.List;

/**
 * The effective request of a pod, computed as the kubelet counts it. Regular init containers run one at a
 * time before the app containers; sidecars (init containers with {@code restartPolicy: Always}) start in
 * order among them and keep running beside the app containers. So the pod needs the larger of: the app
 * containers plus every sidecar, and each init container plus the sidecars started before it. Then the pod
 * overhead is added.
 */
public final class PodRequests {
    private PodRequests() {}

    /** An init container's requests, and whether it is a sidecar that keeps running. */
    public record InitContainer(Resources requests, boolean sidecar) {
        public static InitContainer regular(Resources requests) {
            return new InitContainer(requests, false);
        }
    }

    /** @throws IllegalArgumentException when the requests add up to more than a long holds */
    public static Resources effective(List<Resources> containers, List<InitContainer> initContainers,
                                      Resources overhead) {
        try {
            Resources running = Resources.NONE;
            for (Resources container : containers) {
                running = running.plus(container);
            }
            Resources sidecars = Resources.NONE;
            Resources initPeak = Resources.NONE;
            for (InitContainer init : initContainers) {
                Resources whileItRuns = init.requests().plus(sidecars);
                if (init.sidecar()) {
                    sidecars = whileItRuns;
                    running = running.plus(init.requests());
                }
                initPeak = initPeak.max(whileItRuns);
            }
            return running.max(initPeak).plus(overhead == null ? Resources.NONE : overhead);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("the pod's resource requests add up to more than " + Long.MAX_VALUE
                    + " base units of one resource");
        }
    }
}
