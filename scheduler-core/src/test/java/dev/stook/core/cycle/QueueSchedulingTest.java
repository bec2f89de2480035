package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.plugins.PluginProfile;
import dev.stook.core.queue.QueueConfigParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.stook.core.Fixtures.gang;
import static dev.stook.core.Fixtures.node;
import static dev.stook.core.Fixtures.pod;
import static dev.stook.core.cycle.SchedulerTest.binds;
import static dev.stook.core.cycle.SchedulerTest.waits;
import static org.assertj.core.api.Assertions.assertThat;

class QueueSchedulingTest {
    private final ClusterState cluster = new ClusterState();
    private long now;

    private Scheduler scheduler(String queuesYaml, int nodes) {
        for (int i = 0; i < nodes; i++) {
            cluster.upsertNode(node(String.format("n%02d", i), "1", "4Gi"));
        }
        Scheduler scheduler = new Scheduler(cluster, PluginProfile.standard(), SchedulerSettings.DEFAULTS, () -> now);
        scheduler.updateQueues(QueueConfigParser.parse(queuesYaml));
        return scheduler;
    }

    private static Pod task(String queue, String name, long createdAt) {
        return pod(name, "1", "1Gi").inQueue(queue).createdAt(createdAt);
    }

    /** Runs a cycle and confirms its binds, as the API server would. */
    private List<Decision> cycle(Scheduler scheduler) {
        List<Decision> decisions = scheduler.runCycle();
        for (Decision decision : decisions) {
            if (decision instanceof Decision.Bind bind) {
                cluster.podBound(bind.pod(), bind.nodeName());
            }
        }
        return decisions;
    }

    private static Map<String, Long> boundPerQueue(List<Decision> decisions) {
        return decisions.stream().filter(d -> d instanceof Decision.Bind).map(Decision::pod)
                .collect(Collectors.groupingBy(Pod::queue, Collectors.counting()));
    }

    private static List<String> evicted(List<Decision> decisions) {
        return decisions.stream().filter(d -> d instanceof Decision.Evict).map(d -> d.pod().id().name()).sorted().toList();
    }

    @Test
    void twoQueuesWeightedOneToThreeShareAFullCluster() {
        Scheduler scheduler = scheduler("queues: [{name: a, weight: 1}, {name: b, weight: 3}]", 16);
        for (int i = 0; i < 20; i++) {
            scheduler.submit(task("a", "a" + i, i));
            scheduler.submit(task("b", "b" + i, i));
        }

        assertThat(boundPerQueue(cycle(scheduler))).containsExactlyInAnyOrderEntriesOf(Map.of("a", 4L, "b", 12L));
    }

    @Test
    void anIdleQueuesCapacityIsBorrowedAndReclaimedWholeGangsFirstYoungestFirst() {
        Scheduler scheduler = scheduler("""
                queues:
                  - {name: a, guaranteed: {cpu: 4}}
                  - {name: b, guaranteed: {cpu: 4}}
                """, 8);
        for (int i = 0; i < 3; i++) {
            scheduler.submit(task("b", "old-" + i, 1).inGang(gang("old", 3)));
            scheduler.submit(task("b", "young-" + i, 5).inGang(gang("young", 3)));
        }
        scheduler.submit(task("b", "single-3", 3));
        scheduler.submit(task("b", "single-4", 4));
        assertThat(boundPerQueue(cycle(scheduler))).as("b borrows a's idle half").containsEntry("b", 8L);

        for (int i = 0; i < 4; i++) {
            scheduler.submit(task("a", "a-" + i, 10).inGang(gang("a-job", 4)));
        }
        List<Decision> reclaim = cycle(scheduler);

        assertThat(evicted(reclaim)).containsExactly("single-4", "young-0", "young-1", "young-2");
        assertThat(reclaim).filteredOn(d -> d instanceof Decision.Evict).first()
                .extracting(d -> ((Decision.Evict) d).message()).asString()
                .contains("reclaimed for gang default/a-job: queue a is below its guarantee and b is above its fair share");
        assertThat(waits(reclaim)).first().asString().endsWith("evicting 4 pods from b to make room");
        assertThat(evicted(cycle(scheduler))).as("no second round while victims terminate").isEmpty();

        reclaim.stream().filter(d -> d instanceof Decision.Evict).forEach(d -> cluster.removePod(d.pod().id()));
        assertThat(boundPerQueue(cycle(scheduler))).containsExactlyInAnyOrderEntriesOf(Map.of("a", 4L));
    }

    @Test
    void aQueueNeverExceedsItsMax() {
        Scheduler scheduler = scheduler("queues: [{name: a, max: {cpu: 3}}]", 5);
        for (int i = 0; i < 5; i++) {
            scheduler.submit(task("a", "a" + i, i));
        }

        List<Decision> decisions = cycle(scheduler);

        assertThat(boundPerQueue(decisions)).containsEntry("a", 3L);
        assertThat(decisions).filteredOn(d -> d instanceof Decision.Wait).hasSize(2)
                .allMatch(d -> ((Decision.Wait) d).reason().equals(Scheduler.QUEUE_OVER_QUOTA))
                .allMatch(d -> ((Decision.Wait) d).message().equals("queue a is at its max (cpu: needs 1, 0 of 3 left)"));
    }

    @Test
    void nonPreemptiblePodsStayInsideTheGuaranteeAndAreNeverEvicted() {
        Scheduler scheduler = scheduler("""
                queues:
                  - {name: a, guaranteed: {cpu: 2}}
                  - {name: b, guaranteed: {cpu: 2}}
                """, 4);
        for (int i = 0; i < 3; i++) {
            scheduler.submit(task("b", "keep-" + i, i).withPreemptible(false));
        }
        scheduler.submit(task("b", "spare-0", 10));
        scheduler.submit(task("b", "spare-1", 11));
        List<Decision> first = cycle(scheduler);
        assertThat(binds(first)).hasSize(4);
        assertThat(waits(first)).containsExactly("default/keep-2: non-preemptible pods run only inside queue b's "
                + "guarantee (cpu: needs 1, 0 of 2 left)");

        scheduler.submit(task("a", "a-0", 20));
        scheduler.submit(task("a", "a-1", 21));
        List<Decision> reclaim = cycle(scheduler);

        assertThat(evicted(reclaim)).containsExactly("spare-0", "spare-1");
    }

    @Test
    void aHigherPriorityPodPreemptsTheYoungestLowerPriorityPodOfItsQueue() {
        Scheduler scheduler = scheduler("queues: [{name: a}]", 2);
        scheduler.submit(task("a", "low-old", 1));
        scheduler.submit(task("a", "low-young", 2));
        cycle(scheduler);

        scheduler.submit(task("a", "urgent", 3).withPriority(1000));
        List<Decision> decisions = cycle(scheduler);

        assertThat(evicted(decisions)).containsExactly("low-young");
        assertThat(decisions).filteredOn(d -> d instanceof Decision.Evict)
                .extracting(d -> ((Decision.Evict) d).message())
                .containsExactly("preempted by higher-priority pod default/urgent in queue a");
    }

    @Test
    void priorityAloneNeverEvictsPodsOfAnotherQueue() {
        Scheduler scheduler = scheduler("queues: [{name: a}, {name: b}]", 2);
        scheduler.submit(task("b", "low-old", 1).withPriority(-100));
        scheduler.submit(task("b", "low-young", 2).withPriority(-100));
        cycle(scheduler);

        scheduler.submit(task("a", "urgent", 3).withPriority(1000));

        assertThat(evicted(cycle(scheduler))).isEmpty();
    }

    @Test
    void aHigherPriorityPodPreemptsInItsOwnQueueEvenWhenAnotherHoldsLowerPriorityPods() {
        Scheduler scheduler = scheduler("queues: [{name: a, guaranteed: {cpu: 1}}, {name: b, guaranteed: {cpu: 1}}]", 2);
        scheduler.submit(task("b", "b-lowest", 1).withPriority(-100));
        scheduler.submit(task("a", "a-low", 2));
        cycle(scheduler);

        scheduler.submit(task("a", "a-urgent", 3).withPriority(1000));

        assertThat(evicted(cycle(scheduler))).containsExactly("a-low");
    }

    @Test
    void reclaimTakesFromTheQueueAboveItsShareNotFromTheLowestPriority() {
        Scheduler scheduler = scheduler("""
                queues:
                  - {name: a, guaranteed: {cpu: 1}}
                  - {name: b, guaranteed: {cpu: 1}}
                  - {name: c}
                """, 2);
        scheduler.submit(task("b", "b-low", 1).withPriority(-100));
        scheduler.submit(task("c", "c-high", 2).withPriority(500));
        cycle(scheduler);

        scheduler.submit(task("a", "a-urgent", 3).withPriority(1000));

        assertThat(evicted(cycle(scheduler))).containsExactly("c-high");
    }

    @Test
    void aPodWhosePreemptionPolicyIsNeverWaitsInsteadOfPreempting() {
        Scheduler scheduler = scheduler("queues: [{name: a, guaranteed: {cpu: 2}}, {name: b}]", 2);
        scheduler.submit(task("b", "borrowed", 1));
        scheduler.submit(task("a", "low", 2));
        cycle(scheduler);

        Pod patient = task("a", "patient", 3).withPriority(1000).withPreemptsOthers(false);
        scheduler.submit(patient);
        List<Decision> decisions = cycle(scheduler);

        assertThat(evicted(decisions)).as("neither by priority in its queue nor by reclaim from b").isEmpty();
        assertThat(scheduler.explain(patient.id()).pending().holdUps()).containsExactly(RetryBackoff.NOTHING_CHANGED,
                "its preemptionPolicy is Never: no pod is evicted to make room for it");
        scheduler.submit(task("a", "urgent", 4).withPriority(1000));
        assertThat(evicted(cycle(scheduler))).as("a pod that may preempt still does").hasSize(1);
    }

    @Test
    void anAbandonedEvictionLetsTheWaitingUnitSearchAgain() {
        Scheduler scheduler = scheduler("queues: [{name: a}]", 1);
        scheduler.submit(task("a", "low", 1));
        cycle(scheduler);
        scheduler.submit(task("a", "urgent", 2).withPriority(1000));
        assertThat(evicted(cycle(scheduler))).containsExactly("low");
        assertThat(evicted(cycle(scheduler))).as("waiting for the victim").isEmpty();

        scheduler.evictionAbandoned(task("a", "low", 1).id());

        assertThat(evicted(cycle(scheduler))).containsExactly("low");
    }

    @Test
    void aRefusedEvictionIsShownOnTheUnitWaitingForIt() {
        Scheduler scheduler = scheduler("queues: [{name: a}]", 1);
        scheduler.submit(task("a", "low", 1));
        cycle(scheduler);
        scheduler.submit(task("a", "urgent", 2).withPriority(1000));
        assertThat(evicted(cycle(scheduler))).containsExactly("low");

        scheduler.evictionRefused(task("a", "low", 1).id(), "a disruption budget refuses it");
        List<Decision> decisions = cycle(scheduler);

        assertThat(evicted(decisions)).as("the same eviction is still under way").isEmpty();
        assertThat(waits(decisions)).singleElement().asString().endsWith(
                "waiting for 1 evicted pods to terminate (a disruption budget refuses it)");
    }

    @Test
    void aThreeLevelTreeSharesEachLevelByWeight() {
        Scheduler scheduler = scheduler("""
                queues:
                  - name: research
                    children:
                      - name: nlp
                      - name: vision
                        children: [{name: small}, {name: large}]
                  - name: prod
                """, 16);
        for (String leaf : List.of("research.nlp", "research.vision.small", "research.vision.large", "prod")) {
            for (int i = 0; i < 16; i++) {
                scheduler.submit(task(leaf, leaf + "-" + i, i));
            }
        }

        assertThat(boundPerQueue(cycle(scheduler))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "prod", 8L, "research.nlp", 4L, "research.vision.small", 2L, "research.vision.large", 2L));
    }

    @Test
    void aNamespaceMayOnlySubmitWhereTheQueueAllowsIt() {
        Scheduler scheduler = scheduler("""
                queues:
                  - {name: ml, submitters: {namespaces: ["ml-*"]}}
                  - {name: web}
                placement:
                  - {namespace: "ml-*", queue: ml}
                """, 2);
        scheduler.submit(new Pod(new PodId("shop", "sneaky"), pod("x", "1", "1Gi").requests(), 0, 0,
                pod("x", "1", "1Gi").constraints()).inQueue("ml"));
        scheduler.submit(new Pod(new PodId("ml-team", "trainer"), pod("x", "1", "1Gi").requests(), 0, 1,
                pod("x", "1", "1Gi").constraints()));
        scheduler.submit(new Pod(new PodId("shop", "lost"), pod("x", "1", "1Gi").requests(), 0, 2,
                pod("x", "1", "1Gi").constraints()));

        List<Decision> decisions = cycle(scheduler);

        assertThat(binds(decisions)).containsExactly("ml-team/trainer->n00");
        assertThat(waits(decisions)).containsExactlyInAnyOrder(
                "shop/sneaky: namespace shop may not submit to queue ml (submitters: ml-*)",
                "shop/lost: no placement rule matches namespace shop and the pod names no queue (stook.dev/queue)");
    }

    @Test
    void aFairQueueServesTheOwnerHoldingLeastFirst() {
        Scheduler scheduler = scheduler("queues: [{name: shared, policy: fair}]", 4);
        Function<String, Pod> inNamespace = name -> new Pod(new PodId(name.split("-")[0], name),
                pod("x", "1", "1Gi").requests(), 0, Long.parseLong(name.split("-")[1]), pod("x", "1", "1Gi").constraints())
                .inQueue("shared");
        for (int i = 0; i < 4; i++) {
            scheduler.submit(inNamespace.apply("busy-" + i));
        }
        scheduler.submit(inNamespace.apply("quiet-9"));

        assertThat(binds(cycle(scheduler))).containsExactlyInAnyOrder(
                "busy/busy-0->n00", "quiet/quiet-9->n01", "busy/busy-1->n02", "busy/busy-2->n03");
    }

    @Test
    void reloadingTheQueuesRefilesPendingPodsAndAcceptsNewQueues() {
        Scheduler scheduler = scheduler("queues: [{name: a}]", 2);
        scheduler.submit(task("new", "early", 1));
        assertThat(waits(cycle(scheduler))).containsExactly("default/early: queue new does not exist; leaf queues: a");

        scheduler.updateQueues(QueueConfigParser.parse("queues: [{name: a}, {name: new}]"));

        assertThat(binds(cycle(scheduler))).containsExactly("default/early->n00");
        assertThat(cluster.queueUsage("new").cpuMillis()).isEqualTo(1000);
    }

    @Test
    void podsNamingNoQueueAreAccountedToThePlacementRulesQueue() {
        Scheduler scheduler = scheduler("queues: [{name: a}, {name: b}]\nplacement: [{queue: b}]", 1);

        Pod bound = scheduler.accountable(pod("running", "1", "1Gi"));

        assertThat(bound.queue()).isEqualTo("b");
    }

    @Test
    void aBoundPodIsNeverAccountedToAQueueItsNamespaceMayNotSubmitTo() {
        Scheduler scheduler = scheduler("""
                queues:
                  - {name: a, submitters: {namespaces: [team-a]}}
                  - {name: b}
                placement: [{queue: b}]
                """, 1);

        assertThat(scheduler.accountable(pod("running", "1", "1Gi").inQueue("a")).queue()).isEqualTo("b");
        assertThat(scheduler.accountable(pod("running", "1", "1Gi").inQueue("missing")).queue()).isEqualTo("b");
    }

    @Test
    void aBoundPodWithNoQueueItsNamespaceMaySubmitToIsChargedToNone() {
        Scheduler scheduler = scheduler("queues: [{name: a, submitters: {namespaces: [team-a]}}]", 1);

        assertThat(scheduler.accountable(pod("running", "1", "1Gi").inQueue("a")).queue()).isNull();
    }
}
