package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.explain.PendingExplanation;
import dev.stook.core.explain.PodExplanation;
import dev.stook.core.gang.GangId;
import dev.stook.core.gang.GangMembership;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.plugins.PluginProfile;
import dev.stook.core.queue.QueueConfigParser;
import dev.stook.core.testing.RandomCluster;
import dev.stook.core.testing.RandomNodes;
import dev.stook.core.testing.RandomPods;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code stook explain} runs the cycle's own unit rules, so what it says holds a pod back is what the next
 * cycle does: a pod it says is held by a gate is not bound, and a pod it says nothing changed for gets no
 * decision at all. Over random clusters, queues with caps, gangs (some short of members), gated pods and
 * pods ending between cycles. The seed is in every message.
 */
class ExplainAgreesWithCyclePropertyTest {
    private static final List<String> GATE_MESSAGE_STARTS = List.of("gang ", "queue ", "non-preemptible",
            "the pod has scheduling gates", RetryBackoff.NOTHING_CHANGED);

    static LongStream seeds() {
        return LongStream.range(0, 60);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theNextCycleDoesWhatTheExplanationSays(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ClusterState cluster = RandomCluster.of(RandomNodes.from(random).cpuCores(2, 8).memoryGi(16, 64),
                2 + random.nextInt(8)).state();
        long[] now = {0};
        Scheduler scheduler = new Scheduler(cluster, PluginProfile.standard(),
                SchedulerSettings.DEFAULTS.withStarvationMillis(20_000), () -> now[0]);
        scheduler.updateQueues(QueueConfigParser.parse("queues: [{name: capped, max: {cpu: " + (2 + random.nextInt(8))
                + "}}, {name: open}]"));
        RandomPods pods = RandomPods.from(random).cpuMillis(500, 4000, 500).memoryMi(256, 4096, 256);
        Map<PodId, Pod> pending = new HashMap<>();
        List<Pod> bound = new ArrayList<>();
        for (int step = 0; step < 12; step++) {
            String context = "seed " + seed + ", step " + step;
            submitSome(scheduler, pods, random, step, pending);
            endSome(cluster, random, bound);
            now[0] += random.nextInt(3) * 1_000L;

            Map<PodId, PendingExplanation> before = new HashMap<>();
            for (PodId id : pending.keySet()) {
                PodExplanation explanation = scheduler.explain(id);
                assertThat(explanation.status()).as(context).isEqualTo(PodExplanation.Status.PENDING);
                before.put(id, explanation.pending());
            }
            List<Decision> decisions = scheduler.runCycle();

            Set<PodId> decided = new HashSet<>();
            for (Decision decision : decisions) {
                decided.add(decision.pod().id());
                if (decision instanceof Decision.Bind bind) {
                    PendingExplanation said = before.get(bind.pod().id());
                    assertThat(said.holdUps()).as(context + ": " + bind.pod().id() + " was bound")
                            .noneMatch(ExplainAgreesWithCyclePropertyTest::isGateHold);
                    pending.remove(bind.pod().id());
                    bound.add(bind.pod());
                    cluster.podBound(bind.pod(), bind.nodeName());
                }
            }
            before.forEach((id, said) -> {
                if (said.holdUps().contains(RetryBackoff.NOTHING_CHANGED)) {
                    assertThat(decided).as(context + ": " + id + " said nothing changed").doesNotContain(id);
                }
            });
        }
    }

    private static boolean isGateHold(String holdUp) {
        return GATE_MESSAGE_STARTS.stream().anyMatch(holdUp::startsWith);
    }

    private static void submitSome(Scheduler scheduler, RandomPods pods, SplittableRandom random, int step,
                                   Map<PodId, Pod> pending) {
        for (int i = random.nextInt(6); i > 0; i--) {
            String name = "s" + step + "-" + i;
            Pod pod = pods.next(name).inQueue(random.nextBoolean() ? "capped" : "open");
            if (random.nextInt(5) == 0) {
                pod = pod.withSchedulingGates(List.of("example.com/wait"));
            }
            if (random.nextInt(3) == 0) {
                int declared = 2 + random.nextInt(3);
                GangMembership gang = new GangMembership(new GangId("default", "g" + step), declared, 300_000);
                for (int member = 0; member < declared - random.nextInt(2); member++) {
                    Pod memberPod = pods.next(name + "-m" + member).inQueue(pod.queue()).inGang(gang);
                    scheduler.submit(memberPod);
                    pending.put(memberPod.id(), memberPod);
                }
            } else {
                scheduler.submit(pod);
                pending.put(pod.id(), pod);
            }
        }
    }

    private static void endSome(ClusterState cluster, SplittableRandom random, List<Pod> bound) {
        for (int i = bound.size() - 1; i >= 0; i--) {
            if (random.nextInt(4) == 0) {
                cluster.removePod(bound.remove(i).id());
            }
        }
    }
}
