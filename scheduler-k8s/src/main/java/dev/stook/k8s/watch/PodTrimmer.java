package dev.stook.k8s.watch;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;

import java.util.List;

/**
 * What the pod informer keeps of a pod: everything scheduling, status writes, Events and evictions read,
 * without the bulk nothing reads (managed fields, the last-applied copy, containers' images, commands,
 * environment, mounts and probes, volumes, container statuses and IPs). A field that translation or a
 * writer starts to read must be kept here; {@code PodTrimmerTest} checks that translation is unchanged.
 */
final class PodTrimmer {
    private PodTrimmer() {
    }

    /** Trims the pod in place and returns it. */
    static Pod trim(Pod pod) {
        MetadataTrimmer.trim(pod.getMetadata());
        PodSpec spec = pod.getSpec();
        if (spec != null) {
            spec.setContainers(schedulingPart(spec.getContainers()));
            spec.setInitContainers(schedulingPart(spec.getInitContainers()));
            spec.setEphemeralContainers(null);
            spec.setVolumes(null);
        }
        PodStatus status = pod.getStatus();
        if (status != null) {
            status.setContainerStatuses(null);
            status.setInitContainerStatuses(null);
            status.setEphemeralContainerStatuses(null);
            status.setPodIP(null);
            status.setPodIPs(null);
            status.setHostIP(null);
            status.setHostIPs(null);
        }
        return pod;
    }

    /**
     * Name, resource requests and limits, ports (host ports are a placement constraint), and the restart
     * policy that makes an init container a sidecar.
     */
    private static List<Container> schedulingPart(List<Container> containers) {
        if (containers == null) {
            return null;
        }
        return containers.stream().map(c -> new ContainerBuilder().withName(c.getName()).withResources(c.getResources())
                .withPorts(c.getPorts()).withRestartPolicy(c.getRestartPolicy()).build()).toList();
    }
}
