package dev.stook.k8s.testing.real;

import dev.stook.k8s.testing.real.ControlPlane.Options;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ControlPlaneTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @BeforeEach
    void needsTheBinaries() {
        RealServerAssumption.check(getClass().getSimpleName());
    }

    @Test
    void theFullControlPlaneSchedulesAndRunsControllersThenLeavesNothingBehind() {
        List<Long> pids;
        Path folder;
        try (ControlPlane plane = ControlPlane.start(new Options(true, true, 50));
             KubernetesClient admin = plane.adminClient()) {
            pids = plane.pids();
            folder = plane.folder();
            assertThat(pids).hasSize(4);
            admin.nodes().resource(new NodeBuilder().withNewMetadata().withName("n1").endMetadata()
                    .withNewStatus().addToAllocatable("cpu", new Quantity("4")).addToAllocatable("memory", new Quantity("8Gi"))
                    .addToAllocatable("pods", new Quantity("10"))
                    .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus().build()).create();
            admin.pods().inNamespace("default").resource(new PodBuilder().withNewMetadata().withName("p").endMetadata()
                    .withNewSpec().addNewContainer().withName("c").withImage("busybox").endContainer().endSpec()
                    .build()).create();
            admin.batch().v1().jobs().inNamespace("default").resource(new JobBuilder().withNewMetadata()
                    .withName("j").endMetadata().withNewSpec().withParallelism(2).withNewTemplate().withNewSpec()
                    .withRestartPolicy("Never").addNewContainer().withName("c").withImage("busybox").endContainer()
                    .endSpec().endTemplate().endSpec().build()).create();

            await().atMost(PATIENCE).until(() -> "n1".equals(admin.pods().inNamespace("default").withName("p").get()
                    .getSpec().getNodeName()));
            await().atMost(PATIENCE).until(() -> admin.pods().inNamespace("default").withLabel("job-name", "j").list()
                    .getItems().size() == 2);
        }
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty());
        assertThat(folder).doesNotExist();
    }

    @Test
    void twoControlPlanesRunSideBySideEachWithItsOwnState() throws Exception {
        CompletableFuture<ControlPlane> other = CompletableFuture.supplyAsync(() -> ControlPlane.start(Options.API_ONLY));
        try (ControlPlane one = ControlPlane.start(Options.API_ONLY); ControlPlane two = other.get(2, TimeUnit.MINUTES);
             KubernetesClient first = one.adminClient(); KubernetesClient second = two.adminClient()) {
            assertThat(one.apiServer()).isNotEqualTo(two.apiServer());
            first.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("only-in-one").endMetadata()
                    .build()).create();

            assertThat(second.namespaces().withName("only-in-one").get()).isNull();
            try (KubernetesClient strangerToOne = new KubernetesClientBuilder().withConfig(new ConfigBuilder(
                    one.adminConfig()).withOauthToken(two.adminToken()).build()).build()) {
                assertThatThrownBy(() -> strangerToOne.namespaces().list()).as("each has its own credentials")
                        .isInstanceOf(KubernetesClientException.class);
            }
        }
    }

    @Test
    void processesOfAControlPlaneWhoseJvmDiedAreStoppedByTheNextOne() throws Exception {
        Path orphan = Files.createTempDirectory(ControlPlane.baseFolder(), OrphanReaper.FOLDER_PREFIX);
        Process deadOwner = new ProcessBuilder("true").start();
        deadOwner.waitFor(10, TimeUnit.SECONDS);
        Files.writeString(orphan.resolve(OrphanReaper.OWNER_FILE), Long.toString(deadOwner.pid()));
        Path fakeEtcd = Files.copy(Path.of("/bin/sleep"), orphan.resolve("etcd"));
        Process etcd = new ProcessBuilder(fakeEtcd.toString(), "60").start();
        Files.writeString(orphan.resolve("etcd.pid"), Long.toString(etcd.pid()));
        Process bystander = new ProcessBuilder("sleep", "60").start();
        Files.writeString(orphan.resolve("kube-apiserver.pid"), Long.toString(bystander.pid()));
        assertThat(etcd.isAlive()).isTrue();

        OrphanReaper.reapUnder(orphan.getParent());

        assertThat(etcd.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(orphan).doesNotExist();
        assertThat(bystander.isAlive()).as("a process that runs no control plane binary is left alone").isTrue();
        bystander.destroy();
    }
}
