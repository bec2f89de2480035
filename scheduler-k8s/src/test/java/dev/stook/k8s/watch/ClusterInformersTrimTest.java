package dev.stook.k8s.watch;

import dev.stook.core.model.PodId;
import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.RealCluster;
import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterInformersTrimTest {
    @RegisterExtension
    final RealCluster cluster = new RealCluster();

    @Test
    void theCacheHoldsPodsAndNodesAsTheTrimmersLeaveThem() throws Exception {
        cluster.node("n1", "8", "32Gi");
        Pod created = cluster.create(TestCluster.pod("p", "1").editSpec().addNewVolume().withName("scratch")
                .withNewEmptyDir().endEmptyDir().endVolume().endSpec());
        assertThat(created.getMetadata().getManagedFields()).as("the server's copy").isNotEmpty();

        try (ClusterInformers informers = new ClusterInformers(cluster.client(), TestCluster.SYSTEM_NAMESPACE,
                "stook-queues", "stook", new ClusterChanges() {
                    @Override
                    public void podChanged(PodId pod) {
                    }

                    @Override
                    public void nodeChanged(String node) {
                    }

                    @Override
                    public void queueConfigChanged() {
                    }
                })) {
            informers.start().get(30, TimeUnit.SECONDS);

            Pod cached = informers.pod(new PodId(TestCluster.NAMESPACE, "p")).orElseThrow();
            assertThat(cached.getMetadata().getManagedFields()).isNullOrEmpty();
            assertThat(cached.getSpec().getVolumes()).isNullOrEmpty();
            assertThat(cached.getSpec().getContainers().get(0).getImage()).isNull();
            assertThat(cached.getSpec().getContainers().get(0).getResources().getRequests()).containsKey("cpu");
            assertThat(informers.node("n1").orElseThrow().getMetadata().getManagedFields()).isNullOrEmpty();
        }
    }
}
