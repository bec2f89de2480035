package dev.stook.k8s.watch;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * What the pod informer keeps of a pod: everything scheduling, status writes, Events and evictions read,
 * without the bulk nothing reads (managed fields, the last-applied copy, containers' images, commands,
 * environment, mounts and probes, volumes other than claims, container statuses and IPs). A field that translation or a
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
            spec.setVolumes(claimsOnly(spec.getVolumes()));
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
     * The volumes naming a PersistentVolumeClaim (by its name) or making one (a generic ephemeral volume, whose
     * claim is named after the pod and the volume): what the volume filters read. The ephemeral volume's claim
     * template is dropped; only that it is one is kept.
     */
    private static List<Volume> claimsOnly(List<Volume> volumes) {
        if (volumes == null) {
            return null;
        }
        List<Volume> claims = new ArrayList<>();
        for (Volume volume : volumes) {
            if (volume.getPersistentVolumeClaim() != null) {
                claims.add(new VolumeBuilder().withName(volume.getName()).withNewPersistentVolumeClaim()
                        .withClaimName(volume.getPersistentVolumeClaim().getClaimName()).endPersistentVolumeClaim()
                        .build());
            } else if (volume.getEphemeral() != null) {
                claims.add(new VolumeBuilder().withName(volume.getName()).withNewEphemeral().endEphemeral().build());
            }
        }
        return claims.isEmpty() ? null : claims;
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
