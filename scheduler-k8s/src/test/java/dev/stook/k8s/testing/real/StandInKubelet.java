package dev.stook.k8s.testing.real;

import dev.stook.k8s.testing.PodVersions;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

/**
 * Finishes every graceful pod deletion at once, as a kubelet does when the pod's containers have stopped.
 * A test cluster has no kubelet: without this, a bound pod deleted with a grace period stays Terminating
 * (its deletionTimestamp set) for good, and a scheduler waiting for it to be gone waits forever.
 */
public final class StandInKubelet implements AutoCloseable {
    private final KubernetesClient client;
    private final SharedIndexInformer<Pod> informer;

    public StandInKubelet(KubernetesClient client) {
        this.client = client;
        this.informer = PodVersions.inform(client.pods().inAnyNamespace(), this::finishIfTerminating);
    }

    private void finishIfTerminating(Pod pod) {
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                    .withGracePeriod(0).delete();
        }
    }

    @Override
    public void close() {
        informer.close();
    }
}
