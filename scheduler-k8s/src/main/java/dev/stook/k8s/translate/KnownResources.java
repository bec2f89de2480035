package dev.stook.k8s.translate;

import dev.stook.core.model.ResourceNames;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A copy of a pod whose requests name only resources some node offers. For a pod already on a node (put
 * there by another scheduler, or by its own {@code spec.nodeName}): what no node offers it cannot be
 * using, and the rest it is, so the rest must still be counted.
 */
public final class KnownResources {
    private KnownResources() {
    }

    public static Pod only(Pod pod) {
        PodSpec spec = pod.getSpec();
        PodSpec known = new PodSpecBuilder(spec).withContainers(known(spec.getContainers()))
                .withInitContainers(known(spec.getInitContainers()))
                .withOverhead(spec.getOverhead() == null ? null : known(spec.getOverhead())).build();
        return new PodBuilder(pod).withSpec(known).build();
    }

    private static List<Container> known(List<Container> containers) {
        if (containers == null) {
            return null;
        }
        return containers.stream().map(container -> container.getResources() == null
                || container.getResources().getRequests() == null ? container
                : new ContainerBuilder(container).withResources(new ResourceRequirementsBuilder(container.getResources())
                        .withRequests(known(container.getResources().getRequests())).build()).build()).toList();
    }

    private static Map<String, Quantity> known(Map<String, Quantity> quantities) {
        Map<String, Quantity> kept = new LinkedHashMap<>();
        quantities.forEach((name, quantity) -> {
            if (ResourceNames.isKnown(name)) {
                kept.put(name, quantity);
            }
        });
        return kept;
    }
}
