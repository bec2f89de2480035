package dev.stook.k8s.translate;

import dev.stook.core.model.LabelSelector;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The label selector of a Service, ReplicationController, ReplicaSet or StatefulSet, as kube-scheduler's
 * default spread constraints read it: a Service's or ReplicationController's {@code spec.selector} labels, a
 * ReplicaSet's or StatefulSet's {@code spec.selector}. An object without a selector selects nothing. Of the
 * last three only the pod's controller counts, so a pod names it ({@link #controllerOf}).
 */
public final class WorkloadTranslator {
    /** The controllers whose selectors kube-scheduler reads, by API version and kind. */
    private static final Set<String> SPREAD_CONTROLLERS = Set.of("v1/ReplicationController", "apps/v1/ReplicaSet",
            "apps/v1/StatefulSet");

    private WorkloadTranslator() {
    }

    /** @throws IllegalArgumentException naming the field, when the selector is malformed */
    public static LabelSelector selectorOf(HasMetadata object) {
        if (object instanceof Service service) {
            return labels(service.getSpec() == null ? null : service.getSpec().getSelector());
        }
        if (object instanceof ReplicationController controller) {
            return labels(controller.getSpec() == null ? null : controller.getSpec().getSelector());
        }
        if (object instanceof ReplicaSet replicaSet) {
            return LabelSelectors.of(replicaSet.getSpec() == null ? null : replicaSet.getSpec().getSelector(),
                    "spec.selector");
        }
        if (object instanceof StatefulSet statefulSet) {
            return LabelSelectors.of(statefulSet.getSpec() == null ? null : statefulSet.getSpec().getSelector(),
                    "spec.selector");
        }
        throw new IllegalArgumentException("not a Service, ReplicationController, ReplicaSet or StatefulSet: "
                + object.getKind());
    }

    /** The pod's controlling ReplicationController, ReplicaSet or StatefulSet as {@code Kind/name}, or null. */
    static String controllerOf(io.fabric8.kubernetes.api.model.Pod pod) {
        List<OwnerReference> owners = pod.getMetadata().getOwnerReferences();
        for (OwnerReference owner : owners == null ? List.<OwnerReference>of() : owners) {
            if (Boolean.TRUE.equals(owner.getController())) {
                return SPREAD_CONTROLLERS.contains(owner.getApiVersion() + "/" + owner.getKind())
                        ? owner.getKind() + "/" + owner.getName() : null;
            }
        }
        return null;
    }

    private static LabelSelector labels(Map<String, String> selector) {
        return selector == null ? LabelSelector.NOTHING : new LabelSelector(selector, List.of());
    }
}
