package dev.stook.k8s.evict;

import dev.stook.k8s.loop.SchedulerProcess;
import dev.stook.k8s.testing.FaultyApi.Evicted;
import dev.stook.k8s.testing.TestCluster;
import dev.stook.k8s.testing.real.RealCluster;
import dev.stook.k8s.testing.real.StandInKubelet;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.api.model.policy.v1beta1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClassBuilder;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static dev.stook.k8s.testing.TestCluster.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EvictionEndToEndTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    @RegisterExtension
    final RealCluster cluster = new RealCluster();
    private StandInKubelet kubelet;

    /** Stook evicts its victims with their grace period and waits until they are gone: that takes a kubelet. */
    @BeforeEach
    void startKubelet() {
        kubelet = new StandInKubelet(cluster.client());
    }

    @AfterEach
    void stopKubelet() {
        if (kubelet != null) {
            kubelet.close();
        }
    }

    @Test
    void aGangOwedItsGuaranteeReclaimsTheYoungestPodsOfTheQueueAboveItsShare() {
        SchedulerProcess scheduler = startWithQueues(4, 8);
        IntStream.range(0, 8).forEach(i -> {
            createdInANewSecond(i == 4);
            cluster.create(inQueue("b-" + i, "b").editSpec().withTerminationGracePeriodSeconds(7L).endSpec());
        });
        awaitSettled(scheduler, "b-", 8);

        IntStream.range(0, 4).forEach(i -> cluster.create(inQueue("a-" + i, "a").editMetadata()
                .addToAnnotations(Map.of("stook.dev/gang", "train", "stook.dev/gang-min-members", "4")).endMetadata()));

        await().atMost(PATIENCE).until(() -> IntStream.range(0, 4).allMatch(i -> cluster.isBound("a-" + i)));
        assertThat(cluster.api().evictions().keySet()).containsExactlyInAnyOrder(keys("b-4", "b-5", "b-6", "b-7"));
        cluster.api().evictions().values().forEach(eviction -> {
            assertMarkedBeforeEviction(eviction, "gang " + NAMESPACE + "/train");
            assertThat(eviction.options().getGracePeriodSeconds()).isEqualTo(7L);
            assertThat(eviction.options().getPreconditions().getUid()).isEqualTo(eviction.pod().getMetadata().getUid());
        });
        IntStream.range(0, 4).forEach(i -> assertThat(cluster.api().acceptedBindings(NAMESPACE, "a-" + i)).isOne());
        IntStream.range(0, 4).forEach(i -> assertThat(cluster.isBound("b-" + i)).isTrue());
        assertThat(podsPerNode()).allMatch(count -> count == 1);
        for (String victim : List.of("b-4", "b-5", "b-6", "b-7")) {
            await().atMost(PATIENCE).until(() -> cluster.events(NAMESPACE, victim).stream()
                    .anyMatch(e -> "Preempted".equals(e.getReason()) && e.getNote().contains("queue a")));
        }
    }

    @Test
    void nonPreemptiblePodsAreNeverEvicted() {
        SchedulerProcess scheduler = startWithQueues(4, 8);
        IntStream.range(0, 4).forEach(i -> cluster.create(inQueue("b-" + i, "b")));
        createdInANewSecond(true);
        IntStream.range(4, 8).forEach(i -> cluster.create(inQueue("b-" + i, "b").editMetadata()
                .addToAnnotations("stook.dev/preemptible", "false").endMetadata()));
        awaitSettled(scheduler, "b-", 8);

        IntStream.range(0, 4).forEach(i -> cluster.create(inQueue("a-" + i, "a").editMetadata()
                .addToAnnotations(Map.of("stook.dev/gang", "train", "stook.dev/gang-min-members", "4")).endMetadata()));

        await().atMost(PATIENCE).until(() -> IntStream.range(0, 4).allMatch(i -> cluster.isBound("a-" + i)));
        assertThat(cluster.api().evictions().keySet()).containsExactlyInAnyOrder(keys("b-0", "b-1", "b-2", "b-3"));
        IntStream.range(4, 8).forEach(i -> assertThat(cluster.api().evictionRequests(NAMESPACE, "b-" + i)).isZero());
        assertThat(podsPerNode()).allMatch(count -> count == 1);
    }

    @Test
    void aVictimAlreadyGoneWhenItsEvictionArrivesIsNotRetried() {
        SchedulerProcess scheduler = startWithQueues(1, 2);
        cluster.create(inQueue("b-0", "b"));
        createdInANewSecond(true);
        cluster.create(inQueue("b-1", "b"));
        awaitSettled(scheduler, "b-", 2);
        cluster.api().raceNextEvictions(1);

        cluster.create(inQueue("a-0", "a"));

        await().atMost(PATIENCE).until(() -> cluster.isBound("a-0"));
        assertThat(cluster.api().evictions().keySet()).containsExactlyInAnyOrder(keys("b-1"));
        assertMarkedBeforeEviction(cluster.api().evictions().get(NAMESPACE + "/b-1"), "pod " + NAMESPACE + "/a-0");
        await().during(Duration.ofMillis(500)).atMost(PATIENCE)
                .until(() -> cluster.api().evictionRequests(NAMESPACE, "b-1") == 1);
        assertThat(cluster.eventReasons(NAMESPACE, "b-1")).doesNotContain("FailedPreemption");
    }

    @Test
    void aFailedEvictionIsReportedAndRetried() {
        SchedulerProcess scheduler = startWithQueues(1, 2, cluster::startSchedulerWithoutClientRetries);
        cluster.create(inQueue("b-0", "b"));
        createdInANewSecond(true);
        cluster.create(inQueue("b-1", "b"));
        awaitSettled(scheduler, "b-", 2);
        cluster.api().failNextEvictions(2);

        cluster.create(inQueue("a-0", "a"));

        await().atMost(PATIENCE).until(() -> cluster.isBound("a-0"));
        assertThat(cluster.api().evictionRequests(NAMESPACE, "b-1")).isEqualTo(3);
        assertThat(cluster.api().evictions().keySet()).containsExactlyInAnyOrder(keys("b-1"));
        assertThat(cluster.api().acceptedBindings(NAMESPACE, "a-0")).isOne();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(cluster.eventReasons(NAMESPACE, "b-1"))
                .contains("FailedPreemption", "Preempted"));
    }

    @Test
    void aPodWhosePriorityClassNeverPreemptsHasNothingEvictedForIt() {
        cluster.client().resource(new PriorityClassBuilder().withNewMetadata().withName("patient").endMetadata()
                .withValue(1000).withPreemptionPolicy("Never").build()).createOr(NonDeletingOperation::update);
        SchedulerProcess scheduler = startWithQueues(1, 2);
        cluster.create(inQueue("b-0", "b"));
        createdInANewSecond(true);
        cluster.create(inQueue("b-1", "b"));
        awaitSettled(scheduler, "b-", 2);

        cluster.create(inQueue("a-0", "a").editSpec().withPriorityClassName("patient").endSpec());

        assertThat(cluster.get("a-0").getSpec().getPreemptionPolicy()).as("set by the API server").isEqualTo("Never");
        await().atMost(PATIENCE).until(() -> cluster.podScheduled("a-0").map(PodCondition::getReason)
                .filter("Unschedulable"::equals).isPresent());
        await().during(Duration.ofSeconds(1)).atMost(PATIENCE).until(() -> cluster.api().evictions().isEmpty());
        assertThat(cluster.isBound("a-0")).isFalse();
    }

    @Test
    void aVictimWhoseDisruptionBudgetRefusesIsNotDeletedAndTheWaitingPodSaysWhy() {
        SchedulerProcess scheduler = startWithQueues(1, 2);
        cluster.create(inQueue("b-0", "b"));
        createdInANewSecond(true);
        cluster.create(inQueue("b-1", "b").editMetadata().addToLabels("app", "guarded").endMetadata());
        awaitSettled(scheduler, "b-", 2);
        // The API server lets a pending pod be evicted whatever its budget says: b-1 must be running.
        cluster.client().pods().inNamespace(NAMESPACE).withName("b-1").editStatus(pod -> new PodBuilder(pod)
                .editStatus().withPhase("Running").endStatus().build());
        // No disruption controller runs here, so the budget's status is never worked out: it refuses every eviction.
        cluster.client().resource(new PodDisruptionBudgetBuilder().withNewMetadata().withNamespace(NAMESPACE)
                .withName("guarded").endMetadata().withNewSpec().withNewMinAvailable(1).withNewSelector()
                .addToMatchLabels("app", "guarded").endSelector().endSpec().build()).create();

        cluster.create(inQueue("a-0", "a"));

        await().atMost(PATIENCE).until(() -> cluster.podScheduled("a-0").map(PodCondition::getMessage)
                .filter(message -> message.contains("eviction of " + NAMESPACE + "/b-1 is refused for now"))
                .isPresent());
        await().atMost(PATIENCE).until(() -> cluster.events(NAMESPACE, "b-1").stream()
                .anyMatch(e -> "FailedPreemption".equals(e.getReason()) && e.getNote().contains("PodDisruptionBudget")));
        assertThat(cluster.get("b-1").getMetadata().getDeletionTimestamp()).isNull();
        assertThat(cluster.api().evictions()).isEmpty();

        cluster.client().policy().v1beta1().podDisruptionBudget().inNamespace(NAMESPACE).withName("guarded").delete();

        await().atMost(PATIENCE).until(() -> cluster.isBound("a-0"));
        assertThat(cluster.api().evictions().keySet()).containsExactly(NAMESPACE + "/b-1");
    }

    /** Queues a and b, each guaranteed {@code guaranteedCpu}, on {@code nodes} one-cpu nodes. */
    private SchedulerProcess startWithQueues(int guaranteedCpu, int nodes) {
        return startWithQueues(guaranteedCpu, nodes, cluster::startScheduler);
    }

    private SchedulerProcess startWithQueues(int guaranteedCpu, int nodes, Supplier<SchedulerProcess> start) {
        cluster.writeQueueConfig("""
                queues:
                  - name: a
                    guaranteed: {cpu: "%1$d"}
                  - name: b
                    guaranteed: {cpu: "%1$d"}
                """.formatted(guaranteedCpu));
        IntStream.range(0, nodes).forEach(i -> cluster.node("n" + i, "1", "4Gi"));
        return start.get();
    }

    private static PodBuilder inQueue(String name, String queue) {
        return TestCluster.pod(name, "1").editMetadata().addToAnnotations("stook.dev/queue", queue).endMetadata();
    }

    /**
     * The API server stamps creation times in whole seconds; pods created after this (when {@code needed})
     * are strictly younger than those before.
     */
    private static void createdInANewSecond(boolean needed) {
        if (needed) {
            long second = Instant.now().getEpochSecond();
            await().atMost(PATIENCE).until(() -> Instant.now().getEpochSecond() > second);
        }
    }

    /** Waits until the pods are bound and the scheduler has seen every binding through the watch. */
    private void awaitSettled(SchedulerProcess scheduler, String prefix, int count) {
        await().atMost(PATIENCE).until(() -> IntStream.range(0, count).allMatch(i -> cluster.isBound(prefix + i)));
        await().atMost(PATIENCE).until(() -> scheduler.cluster().placedPodCount() == count
                && scheduler.cluster().placements().stream().noneMatch(p -> p.assumed()));
    }

    private static void assertMarkedBeforeEviction(Evicted eviction, String winner) {
        List<PodCondition> conditions = eviction.pod().getStatus().getConditions();
        assertThat(conditions).anySatisfy(condition -> {
            assertThat(condition.getType()).isEqualTo("DisruptionTarget");
            assertThat(condition.getStatus()).isEqualTo("True");
            assertThat(condition.getReason()).isEqualTo("PreemptionByScheduler");
            assertThat(condition.getMessage()).contains(winner).contains("queue a");
        });
    }

    private List<Long> podsPerNode() {
        return cluster.client().pods().inNamespace(NAMESPACE).list().getItems().stream()
                .map(Pod::getSpec).map(spec -> spec.getNodeName()).filter(Objects::nonNull)
                .collect(java.util.stream.Collectors.groupingBy(node -> node, java.util.stream.Collectors.counting()))
                .values().stream().toList();
    }

    private static String[] keys(String... names) {
        return Set.of(names).stream().map(name -> NAMESPACE + "/" + name).toArray(String[]::new);
    }
}
