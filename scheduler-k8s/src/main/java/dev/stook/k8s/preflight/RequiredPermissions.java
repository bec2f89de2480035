package dev.stook.k8s.preflight;

import java.util.ArrayList;
import java.util.List;

/**
 * Every permission {@code stook run} uses, the same list {@code deploy/scheduler/rbac.yaml} grants (and
 * {@code deploy/test/check_manifests.py} checks): watch, bind and evict pods and write their status and Events in
 * every namespace; review the tokens and access of callers of its secure port; watch namespaces' labels and the
 * selectors of Services, ReplicationControllers, ReplicaSets and StatefulSets (while default spread constraints
 * are on), PersistentVolumeClaims, PersistentVolumes, StorageClasses and CSINodes, and bind claims to volumes;
 * the objects that declare gangs (Jobs, Volcano's, scheduler-plugins' and Kubernetes' PodGroups, Kubernetes'
 * Workloads); read
 * the queue ConfigMap, keep its last good copy, hold the Lease and read or make the admission key's Secret in
 * Stook's own namespace.
 */
public final class RequiredPermissions {
    private RequiredPermissions() {
    }

    /** @param watchesWorkloads whether default spread constraints are on, so their objects are watched */
    public static List<Permission> in(String stookNamespace, boolean watchesWorkloads) {
        List<Permission> all = new ArrayList<>();
        for (String verb : List.of("get", "list", "watch")) {
            all.add(new Permission(verb, "", "pods", "", null));
        }
        all.add(new Permission("create", "", "pods", "binding", null));
        all.add(new Permission("create", "", "pods", "eviction", null));
        all.add(new Permission("patch", "", "pods", "status", null));
        all.add(new Permission("create", "", "events", "", null));
        all.add(new Permission("create", "events.k8s.io", "events", "", null));
        all.add(new Permission("create", "authentication.k8s.io", "tokenreviews", "", null));
        all.add(new Permission("create", "authorization.k8s.io", "subjectaccessreviews", "", null));
        for (String verb : List.of("get", "list", "watch")) {
            all.add(new Permission(verb, "", "nodes", "", null));
        }
        for (String verb : List.of("list", "watch")) {
            all.add(new Permission(verb, "", "namespaces", "", null));
        }
        for (String verb : watchesWorkloads ? List.of("list", "watch") : List.<String>of()) {
            all.add(new Permission(verb, "", "services", "", null));
            all.add(new Permission(verb, "", "replicationcontrollers", "", null));
            all.add(new Permission(verb, "apps", "replicasets", "", null));
            all.add(new Permission(verb, "apps", "statefulsets", "", null));
        }
        for (String verb : List.of("get", "list", "watch", "update")) {
            all.add(new Permission(verb, "", "persistentvolumeclaims", "", null));
            all.add(new Permission(verb, "", "persistentvolumes", "", null));
        }
        for (String verb : List.of("list", "watch")) {
            all.add(new Permission(verb, "storage.k8s.io", "storageclasses", "", null));
            all.add(new Permission(verb, "storage.k8s.io", "csinodes", "", null));
        }
        for (String verb : List.of("list", "watch")) {
            all.add(new Permission(verb, "batch", "jobs", "", null));
            all.add(new Permission(verb, "scheduling.volcano.sh", "podgroups", "", null));
            all.add(new Permission(verb, "scheduling.x-k8s.io", "podgroups", "", null));
            all.add(new Permission(verb, "scheduling.k8s.io", "podgroups", "", null));
            all.add(new Permission(verb, "scheduling.k8s.io", "workloads", "", null));
        }
        for (String verb : List.of("get", "list", "watch", "create", "update")) {
            all.add(new Permission(verb, "", "configmaps", "", stookNamespace));
        }
        for (String verb : List.of("get", "create", "update", "patch")) {
            all.add(new Permission(verb, "coordination.k8s.io", "leases", "", stookNamespace));
        }
        for (String verb : List.of("get", "create")) {
            all.add(new Permission(verb, "", "secrets", "", stookNamespace));
        }
        return List.copyOf(all);
    }
}
