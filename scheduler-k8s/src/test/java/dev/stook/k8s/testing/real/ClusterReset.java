package dev.stook.k8s.testing.real;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.List;

/**
 * Brings a shared control plane back to an empty cluster between tests, faster than a new one: every Job (so
 * that no controller makes its pods again), pod (at once, as no kubelet would finish a graceful deletion), node,
 * Event, Lease and ConfigMap a test may have made is deleted, and every claim, volume, storage class and CSINode.
 * Namespaces stay: without a controller manager nothing would finish deleting them.
 */
final class ClusterReset {
    private static final List<String> SYSTEM_NAMESPACES = List.of("kube-system", "kube-public", "kube-node-lease");
    private static final String ROOT_CA_CONFIG_MAP = "kube-root-ca.crt";

    private ClusterReset() {
    }

    static void clear(KubernetesClient admin) {
        admin.nodes().delete();
        admin.persistentVolumes().delete();
        admin.storage().v1().storageClasses().delete();
        admin.storage().v1().csiNodes().delete();
        for (Namespace namespace : admin.namespaces().list().getItems()) {
            String name = namespace.getMetadata().getName();
            admin.batch().v1().jobs().inNamespace(name).withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
            admin.pods().inNamespace(name).withGracePeriod(0).delete();
            admin.v1().events().inNamespace(name).delete();
            admin.persistentVolumeClaims().inNamespace(name).delete();
            if (!SYSTEM_NAMESPACES.contains(name)) {
                admin.leases().inNamespace(name).delete();
                admin.configMaps().inNamespace(name).list().getItems().stream()
                        .filter(c -> !ROOT_CA_CONFIG_MAP.equals(c.getMetadata().getName()))
                        .forEach(c -> admin.configMaps().resource(c).delete());
            }
        }
    }

    static void ensureNamespaces(KubernetesClient admin, List<String> names) {
        for (String name : names) {
            if (admin.namespaces().withName(name).get() == null) {
                admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata()
                        .build()).create();
            }
        }
    }
}
