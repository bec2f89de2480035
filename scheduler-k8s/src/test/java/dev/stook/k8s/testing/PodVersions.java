package dev.stook.k8s.testing;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.util.function.Consumer;

/** An informer that hands every version of a pod it sees, as added or updated, to one consumer. */
public final class PodVersions {
    private PodVersions() {
    }

    public static SharedIndexInformer<Pod> inform(Informable<Pod> pods, Consumer<Pod> consumer) {
        return pods.inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
                consumer.accept(pod);
            }

            @Override
            public void onUpdate(Pod before, Pod pod) {
                consumer.accept(pod);
            }

            @Override
            public void onDelete(Pod pod, boolean finalStateUnknown) {
            }
        });
    }
}
