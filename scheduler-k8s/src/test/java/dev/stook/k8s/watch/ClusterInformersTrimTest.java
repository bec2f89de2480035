package dev.stook.k8s.watch;

import dev.stook.core.model.PodId;
import dev.stook.k8s.config.SchedulerConfig;
import dev.stook.k8s.testing.IgnoredChanges;
import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.RealCluster;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterInformersTrimTest {
    @RegisterExtension
    final RealCluster cluster = new RealCluster();

    @Test
    void theCacheHoldsPodsNodesAndWorkloadsAsTheTrimmersLeaveThem() throws Exception {
        cluster.node("n1", "8", "32Gi");
        Pod created = cluster.create(TestCluster.pod("p", "1").editSpec().addNewVolume().withName("scratch")
                .withNewEmptyDir().endEmptyDir().endVolume().endSpec());
        assertThat(created.getMetadata().getManagedFields()).as("the server's copy").isNotEmpty();
        cluster.client().services().inNamespace(TestCluster.NAMESPACE).resource(new ServiceBuilder().withNewMetadata()
                .withNamespace(TestCluster.NAMESPACE).withName("web").endMetadata().withNewSpec()
                .addToSelector("app", "web").addNewPort().withPort(80).endPort().endSpec().build()).create();
        cluster.client().apps().replicaSets().inNamespace(TestCluster.NAMESPACE).resource(new ReplicaSetBuilder()
                .withNewMetadata().withNamespace(TestCluster.NAMESPACE).withName("web").endMetadata().withNewSpec()
                .withReplicas(0).withNewSelector().addToMatchLabels("app", "web").endSelector().withNewTemplate()
                .withNewMetadata().addToLabels("app", "web").endMetadata().withNewSpec().addNewContainer()
                .withName("main").withImage("busybox").endContainer().endSpec().endTemplate().endSpec().build())
                .create();

        try (ClusterInformers informers = new ClusterInformers(cluster.client(), TestCluster.SYSTEM_NAMESPACE,
                "stook-queues", "stook-queues-last-good", "stook", new IgnoredChanges(), true,
                SchedulerConfig.DEFAULTS.podGroupCrdCheckMillis())) {
            informers.start().get(30, TimeUnit.SECONDS);

            Pod cached = informers.pod(new PodId(TestCluster.NAMESPACE, "p")).orElseThrow();
            assertThat(cached.getMetadata().getManagedFields()).isNullOrEmpty();
            assertThat(cached.getSpec().getVolumes()).isNullOrEmpty();
            assertThat(cached.getSpec().getContainers().get(0).getImage()).isNull();
            assertThat(cached.getSpec().getContainers().get(0).getResources().getRequests()).containsKey("cpu");
            assertThat(informers.node("n1").orElseThrow().getMetadata().getManagedFields()).isNullOrEmpty();
            assertThat(informers.workloads()).contains(new WorkloadKey(WorkloadKey.SERVICE, TestCluster.NAMESPACE, "web"),
                    new WorkloadKey(WorkloadKey.REPLICA_SET, TestCluster.NAMESPACE, "web"));
            Service service = (Service) informers.workload(new WorkloadKey(WorkloadKey.SERVICE, TestCluster.NAMESPACE,
                    "web")).orElseThrow();
            assertThat(service.getSpec().getSelector()).containsEntry("app", "web");
            assertThat(service.getSpec().getPorts()).isNullOrEmpty();
            ReplicaSet replicaSet = (ReplicaSet) informers.workload(new WorkloadKey(WorkloadKey.REPLICA_SET,
                    TestCluster.NAMESPACE, "web")).orElseThrow();
            assertThat(replicaSet.getSpec().getSelector().getMatchLabels()).containsEntry("app", "web");
            assertThat(replicaSet.getSpec().getTemplate()).isNull();
            assertThat(replicaSet.getStatus()).isNull();
        }
    }
}
