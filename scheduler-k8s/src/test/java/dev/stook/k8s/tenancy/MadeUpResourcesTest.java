package dev.stook.k8s.tenancy;

import dev.stook.core.model.ResourceNames;
import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.RealCluster;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One tenant's pods asking for made-up resources cannot use up the resource-name slots: they wait, and a
 * node offering a new resource still joins and takes the pods that ask for it.
 */
class MadeUpResourcesTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    @RegisterExtension
    final RealCluster cluster = new RealCluster();

    @Test
    void podsAskingForResourcesNoNodeOffersWaitAndLeaveTheSlotsToNodes() {
        cluster.node("n1", "8", "32Gi");
        cluster.startScheduler();
        for (int i = 0; i < ResourceNames.MAX_RESOURCES; i++) {
            cluster.create(asking("made-up-" + i, "tenant.example/made-up-" + i));
        }
        cluster.create(asking("wants-widget", "example.com/widget"));

        await().atMost(PATIENCE).until(() -> cluster.podScheduled("made-up-7").filter(c -> "Unschedulable"
                .equals(c.getReason())).map(PodCondition::getMessage).orElse("")
                .contains("no node offers resource \"tenant.example/made-up-7\""));
        cluster.client().nodes().resource(new NodeBuilder(cluster.client().nodes().withName("n1").get())
                .withNewMetadata().withName("n2").endMetadata().editStatus()
                .addToAllocatable("example.com/widget", new Quantity("1")).endStatus().build()).create();

        await().atMost(PATIENCE).until(() -> "n2".equals(cluster.nodeOf("wants-widget")));
        assertThat(cluster.isBound("made-up-7")).isFalse();
    }

    @Test
    void aPodPutOnANodeDirectlyStillCountsWhatItUsesBesideMadeUpResources() {
        cluster.node("n1", "4", "16Gi");
        cluster.client().pods().inNamespace(TestCluster.NAMESPACE).resource(asking("squatter", "tenant.example/made-up")
                .editSpec().withSchedulerName("default-scheduler").withNodeName("n1").editFirstContainer()
                .editResources().addToRequests("cpu", new Quantity("3")).endResources().endContainer().endSpec()
                .build()).create();
        cluster.startScheduler();

        cluster.create("two-cpus", "2");

        await().atMost(PATIENCE).until(() -> cluster.podScheduled("two-cpus").map(PodCondition::getReason)
                .filter("Unschedulable"::equals).isPresent());
        assertThat(cluster.isBound("two-cpus")).isFalse();
    }

    private static PodBuilder asking(String name, String resource) {
        return TestCluster.pod(name, "1").editSpec().editFirstContainer().editResources()
                .addToRequests(resource, new Quantity("1")).addToLimits(resource, new Quantity("1"))
                .endResources().endContainer().endSpec();
    }
}
