package dev.stook.core.cluster;

import dev.stook.core.model.LabelSelector;
import dev.stook.core.model.NodeSelectorRequirement;
import dev.stook.core.model.Pod;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The objects that group pods for kube-scheduler's default spread constraints, by namespace and by their
 * label selectors: Services, and the ReplicationControllers, ReplicaSets and StatefulSets that control pods.
 * Immutable: a change makes a new one, so a snapshot keeps the objects it was taken with.
 */
public final class Workloads {
    public static final Workloads NONE = new Workloads(Map.of(), Map.of());
    /** Per namespace, each Service's selector by name, sorted so merged selectors come out alike. */
    private final Map<String, TreeMap<String, LabelSelector>> services;
    /** Per namespace, each controller's selector by {@code Kind/name}. */
    private final Map<String, Map<String, LabelSelector>> controllers;

    private Workloads(Map<String, TreeMap<String, LabelSelector>> services,
                      Map<String, Map<String, LabelSelector>> controllers) {
        this.services = services;
        this.controllers = controllers;
    }

    /**
     * These objects with a Service replaced: a null or empty selector means it is gone or selects nothing (a
     * Service without a selector selects no pod). This one when nothing changes.
     */
    public Workloads withService(String namespace, String name, LabelSelector selector) {
        Map<String, TreeMap<String, LabelSelector>> changed = replaced(services, namespace, name, selector,
                TreeMap::new);
        return changed == services ? this : new Workloads(changed, controllers);
    }

    /**
     * These objects with a ReplicationController, ReplicaSet or StatefulSet replaced, named {@code Kind/name}
     * as {@link Pod#controller()} names it; a null or empty selector means it is gone or adds nothing.
     */
    public Workloads withController(String namespace, String kindAndName, LabelSelector selector) {
        Map<String, Map<String, LabelSelector>> changed = replaced(controllers, namespace, kindAndName, selector,
                HashMap::new);
        return changed == controllers ? this : new Workloads(services, changed);
    }

    /**
     * What kube-scheduler's default spread constraints count the pod's peers by: the labels of every Service in
     * the pod's namespace whose selector matches the pod, together with the selector of the controller that
     * controls it. Null when neither gives any.
     */
    public LabelSelector selectorFor(Pod pod) {
        String namespace = pod.id().namespace();
        TreeMap<String, LabelSelector> namespaceServices = services.get(namespace);
        Map<String, LabelSelector> namespaceControllers = controllers.get(namespace);
        LabelSelector controller = namespaceControllers == null || pod.controller() == null ? null
                : namespaceControllers.get(pod.controller());
        LabelSelector merged = null;
        if (namespaceServices != null) {
            for (LabelSelector service : namespaceServices.values()) {
                if (service.matches(pod.labels())) {
                    merged = merged == null ? service : merged.requiring(service.matchLabels());
                }
            }
        }
        if (controller == null) {
            return merged;
        }
        if (merged == null) {
            return controller;
        }
        LabelSelector both = merged.requiring(controller.matchLabels());
        if (both.matchesNothing() || controller.requirements().isEmpty()) {
            return both;
        }
        List<NodeSelectorRequirement> requirements = new ArrayList<>(both.requirements());
        requirements.addAll(controller.requirements());
        return new LabelSelector(both.matchLabels(), requirements);
    }

    private static <M extends Map<String, LabelSelector>> Map<String, M> replaced(
            Map<String, M> byNamespace, String namespace, String object, LabelSelector selector,
            Supplier<M> newMap) {
        M objects = byNamespace.get(namespace);
        LabelSelector known = objects == null ? null : objects.get(object);
        boolean selects = selector != null && !selector.matchesNothing()
                && !(selector.matchLabels().isEmpty() && selector.requirements().isEmpty());
        if (selects ? selector.equals(known) : known == null) {
            return byNamespace;
        }
        M changedObjects = newMap.get();
        if (objects != null) {
            changedObjects.putAll(objects);
        }
        if (selects) {
            changedObjects.put(object, selector);
        } else {
            changedObjects.remove(object);
        }
        Map<String, M> changed = new HashMap<>(byNamespace);
        if (changedObjects.isEmpty()) {
            changed.remove(namespace);
        } else {
            changed.put(namespace, changedObjects);
        }
        return Map.copyOf(changed);
    }
}
