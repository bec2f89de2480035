package dev.stook.k8s.gangs;

import dev.stook.core.gang.GangAnnotations;
import dev.stook.core.explain.GangProgress;
import dev.stook.k8s.admit.AdmissionRecord;
import dev.stook.k8s.config.SchedulerConfigLoader;
import dev.stook.k8s.explain.ExplanationJson;
import dev.stook.k8s.loop.SchedulerProcess;
import dev.stook.k8s.testing.SecurePortClient;
import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.RealCluster;
import io.fabric8.kubernetes.api.model.PodCondition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Gangs declared by Volcano's and scheduler-plugins' PodGroups, read from their CRDs on a real API server: the
 * PodGroup's minMember holds the gang until that many members exist, then it starts whole; a missing PodGroup, a
 * malformed one and a queue the namespace may not use are said on the pods, and other pods are unaffected.
 */
class PodGroupGangsEndToEndTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    @RegisterExtension
    final RealCluster cluster = new RealCluster();

    @AfterEach
    void deletePodGroups() {
        GangCrds.deletePodGroups(cluster.client(), TestCluster.NAMESPACE);
    }

    @Test
    void aVolcanoPodGroupsMinMemberHoldsTheGangUntilThatManyExistThenItStartsWhole() throws Exception {
        GangCrds.install(cluster.client());
        cluster.node("n1", "8", "32Gi");
        GangCrds.createOrReplace(cluster.client(), GangCrds.VOLCANO, TestCluster.NAMESPACE, "train",
                Map.of("minMember", 3));
        SchedulerProcess scheduler = cluster.startScheduler();
        IntStream.range(0, 2).forEach(i -> createMember("train-" + i, Map.of(), Map.of(GangAnnotations.VOLCANO_GROUP,
                "train")));

        await().atMost(PATIENCE).until(() -> message("train-0").contains("waiting for members to be created, 2 of 3"));
        assertThat(condition("train-0").map(PodCondition::getReason)).contains("GangWaiting");
        assertThat(cluster.isBound("train-0") || cluster.isBound("train-1")).isFalse();
        GangProgress progress = ExplanationJson.read(SecurePortClient.get(scheduler.healthPort(), "/explain/work/train-0",
                cluster.controlPlane().adminToken()).body()).pending().gang();
        assertThat(progress.source()).as("the explanation names the source that won").isEqualTo("Volcano PodGroup train");
        assertThat(progress.minimum()).isEqualTo(3);

        createMember("train-2", Map.of(), Map.of(GangAnnotations.VOLCANO_GROUP, "train"));
        await().atMost(PATIENCE).until(() -> IntStream.range(0, 3).allMatch(i -> cluster.isBound("train-" + i)));
    }

    @Test
    void aMissingPodGroupHoldsItsPodsWithAReasonNamingItUntilItIsCreated() {
        GangCrds.install(cluster.client());
        cluster.node("n1", "8", "32Gi");
        cluster.startScheduler();
        IntStream.range(0, 2).forEach(i -> createMember("etl-" + i, Map.of(GangAnnotations.POD_GROUP_LABEL, "etl"),
                Map.of()));

        await().atMost(PATIENCE).until(() -> message("etl-0").equals("gang work/etl: waiting for scheduler-plugins"
                + " PodGroup etl to be created (scheduling.x-k8s.io/v1alpha1)"));
        await().atMost(PATIENCE).until(() -> condition("etl-1").map(PodCondition::getReason)
                .filter("GangWaiting"::equals).isPresent());

        GangCrds.createOrReplace(cluster.client(), GangCrds.SCHEDULER_PLUGINS, TestCluster.NAMESPACE, "etl",
                Map.of("minMember", 2, "scheduleTimeoutSeconds", 60));
        await().atMost(PATIENCE).until(() -> cluster.isBound("etl-0") && cluster.isBound("etl-1"));
    }

    @Test
    void aPodGroupWithMinMemberZeroIsRefusedClearlyOtherPodsAreScheduledAndTheFixIsRead() {
        GangCrds.install(cluster.client());
        cluster.node("n1", "8", "32Gi");
        GangCrds.createOrReplace(cluster.client(), GangCrds.VOLCANO, TestCluster.NAMESPACE, "bad",
                Map.of("minMember", 0));
        cluster.startScheduler();
        createMember("bad-0", Map.of(), Map.of(GangAnnotations.VOLCANO_GROUP, "bad"));
        cluster.create("lone", "1");

        await().atMost(PATIENCE).until(() -> cluster.isBound("lone"));
        await().atMost(PATIENCE).until(() -> message("bad-0").contains(
                "Volcano PodGroup bad: spec.minMember 0 is not a positive integer"));
        assertThat(cluster.isBound("bad-0")).isFalse();

        GangCrds.createOrReplace(cluster.client(), GangCrds.VOLCANO, TestCluster.NAMESPACE, "bad",
                Map.of("minMember", 1));
        await().atMost(PATIENCE).until(() -> cluster.isBound("bad-0"));
    }

    @Test
    void aVolcanoQueueIsUsedOnlyWhereTheNamespaceMaySubmit() {
        GangCrds.install(cluster.client());
        cluster.writeQueueConfig("""
                queues:
                  - name: open
                    submitters: {namespaces: ["work"]}
                  - name: closed
                    submitters: {namespaces: ["elsewhere"]}
                placement:
                  - {queue: open}
                """);
        cluster.node("n1", "8", "32Gi");
        GangCrds.createOrReplace(cluster.client(), GangCrds.VOLCANO, TestCluster.NAMESPACE, "sneaky",
                Map.of("minMember", 1, "queue", "closed"));
        GangCrds.createOrReplace(cluster.client(), GangCrds.VOLCANO, TestCluster.NAMESPACE, "fine",
                Map.of("minMember", 1, "queue", "open"));
        cluster.startScheduler();
        createMember("sneaky-0", Map.of(), Map.of(GangAnnotations.VOLCANO_GROUP, "sneaky"));
        createMember("fine-0", Map.of(), Map.of(GangAnnotations.VOLCANO_GROUP, "fine"));

        await().atMost(PATIENCE).until(() -> cluster.isBound("fine-0"));
        assertThat(cluster.get("fine-0").getMetadata().getAnnotations()).containsEntry(AdmissionRecord.QUEUE, "open");
        await().atMost(PATIENCE).until(() -> message("sneaky-0").contains("namespace work may not submit to queue closed"));
        assertThat(cluster.isBound("sneaky-0")).isFalse();
    }

    @Test
    void aPodGroupCrdInstalledAfterStookStartedIsRead() {
        GangCrds.remove(cluster.client());
        cluster.startScheduler(SchedulerConfigLoader.parse(TestCluster.TEST_CONFIG + "podGroupCrdCheckInterval: 1s\n",
                "test config"));
        createMember("late-0", Map.of(), Map.of(GangAnnotations.VOLCANO_GROUP, "late"));
        await().atMost(PATIENCE).until(() -> condition("late-0").map(PodCondition::getReason)
                .filter("Unschedulable"::equals).isPresent());

        GangCrds.install(cluster.client());
        GangCrds.createOrReplace(cluster.client(), GangCrds.VOLCANO, TestCluster.NAMESPACE, "late",
                Map.of("minMember", 2));
        await().atMost(PATIENCE).until(() -> message("late-0").contains("waiting for members to be created, 1 of 2"));

        cluster.node("n1", "8", "32Gi");
        createMember("late-1", Map.of(), Map.of(GangAnnotations.VOLCANO_GROUP, "late"));
        await().atMost(PATIENCE).until(() -> cluster.isBound("late-0") && cluster.isBound("late-1"));
    }

    private void createMember(String name, Map<String, String> labels, Map<String, String> annotations) {
        cluster.create(TestCluster.pod(name, "1").editMetadata().addToLabels(labels).addToAnnotations(annotations)
                .endMetadata());
    }

    private Optional<PodCondition> condition(String pod) {
        return cluster.podScheduled(pod).filter(c -> "False".equals(c.getStatus()));
    }

    private String message(String pod) {
        return condition(pod).map(PodCondition::getMessage).orElse("");
    }
}
