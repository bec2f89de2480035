package dev.stook.k8s.fuzz;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cycle.Decision;
import dev.stook.core.cycle.Scheduler;
import dev.stook.core.model.Node;
import dev.stook.core.model.PodId;
import dev.stook.core.model.Resources;
import dev.stook.core.plugins.PluginProfile;
import dev.stook.fuzz.FuzzSeeds;
import dev.stook.k8s.translate.PodTranslator;
import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN.md §5: a bad input never stops scheduling of other pods. Malformed pods and good pods, interleaved,
 * go through translation into the engine as the scheduling loop sends them; every good pod is bound.
 */
class BadPodsDoNotBlockGoodPodsTest {
    @Test
    void everyGoodPodIsBoundAmongMalformedOnes() {
        ClusterState cluster = new ClusterState();
        for (int i = 0; i < 20; i++) {
            cluster.upsertNode(Node.of("node-" + i, Resources.parse(Map.of("cpu", "64", "memory", "256Gi", "pods", "110"))));
        }
        Scheduler scheduler = new Scheduler(cluster, PluginProfile.standard());
        List<Pod> arriving = new ArrayList<>();
        FuzzSeeds.of("bad pod among good", 300).forEach(seed -> arriving.add(MalformedPods.next(seed)));
        Set<PodId> good = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            Pod pod = MalformedPods.valid("good-" + i).build();
            good.add(PodTranslator.idOf(pod));
            arriving.add(3 * i, pod);
        }

        int refused = 0;
        for (Pod pod : arriving) {
            try {
                scheduler.submit(PodTranslator.translate(pod));
            } catch (IllegalArgumentException e) {
                refused++;
            }
        }
        Set<PodId> bound = new HashSet<>();
        for (Decision decision : scheduler.runCycle()) {
            if (decision instanceof Decision.Bind bind) {
                bound.add(bind.pod().id());
            }
        }

        assertThat(refused).as("malformed pods refused").isGreaterThan(100);
        assertThat(bound).containsAll(good);
    }
}
