package dev.stook.k8s.watch;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;

/**
 * Keeps of Services, ReplicationControllers, ReplicaSets and StatefulSets only their identity and label
 * selector: all that the default spread constraints read, where a pod template or a status would be most of
 * the object.
 */
final class WorkloadTrimmer {
    private WorkloadTrimmer() {
    }

    static Service service(Service service) {
        return new ServiceBuilder().withMetadata(identity(service.getMetadata())).withNewSpec()
                .withSelector(service.getSpec() == null ? null : service.getSpec().getSelector()).endSpec().build();
    }

    static ReplicationController replicationController(ReplicationController controller) {
        return new ReplicationControllerBuilder().withMetadata(identity(controller.getMetadata())).withNewSpec()
                .withSelector(controller.getSpec() == null ? null : controller.getSpec().getSelector()).endSpec()
                .build();
    }

    static ReplicaSet replicaSet(ReplicaSet replicaSet) {
        return new ReplicaSetBuilder().withMetadata(identity(replicaSet.getMetadata())).withNewSpec()
                .withSelector(replicaSet.getSpec() == null ? null : replicaSet.getSpec().getSelector()).endSpec()
                .build();
    }

    static StatefulSet statefulSet(StatefulSet statefulSet) {
        return new StatefulSetBuilder().withMetadata(identity(statefulSet.getMetadata())).withNewSpec()
                .withSelector(statefulSet.getSpec() == null ? null : statefulSet.getSpec().getSelector()).endSpec()
                .build();
    }

    private static ObjectMeta identity(ObjectMeta metadata) {
        return new ObjectMetaBuilder().withNamespace(metadata.getNamespace()).withName(metadata.getName())
                .withUid(metadata.getUid()).withResourceVersion(metadata.getResourceVersion()).build();
    }
}
