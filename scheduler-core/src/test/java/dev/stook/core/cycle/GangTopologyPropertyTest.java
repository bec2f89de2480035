package dev.stook.core.cycle;

import dev.stook.core.Invariants;
import dev.stook.core.cluster.ClusterState;
import dev.stook.core.gang.GangId;
import dev.stook.core.gang.GangMembership;
import dev.stook.core.gang.GangTopology;
import dev.stook.core.model.Node;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.plugins.PluginProfile;
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
 * Over random clusters whose nodes sit in racks within zones (some unlabelled, some cordoned) and random
 * gangs (elastic or not, of mixed shapes, some keeping to no topology, some preferring a rack, some
 * requiring a rack or a zone), Stook never places the members of a gang requiring a level in more than one
 * domain of it, nor on a node without its label; never leaves a gang partly admitted; never over-commits a
 * node. The seed is in the test name and every failure.
 */
class GangTopologyPropertyTest {
    private static final String RACK = "rack";
    private static final String ZONE = "zone";
    private static final List<String> TOPOLOGIES = List.of("", "preferred:rack", "preferred:rack,preferred:zone",
            "required:rack", "preferred:rack,required:zone", "required:zone");

    static LongStream seeds() {
        return LongStream.range(0, 100);
    }

    private record Gang(GangId id, int minimum, String requiredKey) {}

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aGangRequiringALevelIsNeverPlacedAcrossItsDomains(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] now = {0};
        ClusterState cluster = new ClusterState();
        Map<String, Node> nodes = new HashMap<>();
        RandomNodes drawn = RandomNodes.from(random).cpuCores(2, 12).memoryGi(8, 32).maxPods(4, 20).cordoned(15);
        int racks = 1 + random.nextInt(6);
        for (int i = 0, n = 4 + random.nextInt(28); i < n; i++) {
            Node node = drawn.next("n" + i);
            if (random.nextInt(8) > 0) {
                int rack = random.nextInt(racks);
                node = node.withLabels(Map.of(RACK, "r" + rack, ZONE, "z" + rack % 2));
            }
            nodes.put(node.name(), node);
            cluster.upsertNode(node);
        }
        Scheduler scheduler = new Scheduler(cluster, PluginProfile.standard(),
                SchedulerSettings.DEFAULTS.withStarvationMillis(1_000 + random.nextInt(20_000)), () -> now[0]);
        List<Gang> gangs = new ArrayList<>();
        Map<GangId, List<Pod>> unsubmitted = new HashMap<>();
        Map<GangId, List<PodId>> placed = new HashMap<>();
        Map<PodId, String> nodeOf = new HashMap<>();

        for (int step = 0; step < 50; step++) {
            now[0] += 500;
            if (random.nextInt(2) == 0) {
                gangs.add(newGang("j" + step, random, unsubmitted));
            }
            for (List<Pod> waiting : unsubmitted.values()) {
                for (int i = 0, n = random.nextInt(waiting.size() + 1); i < n; i++) {
                    scheduler.submit(waiting.remove(0));
                }
            }
            for (Decision decision : scheduler.runCycle()) {
                if (decision instanceof Decision.Bind bind) {
                    cluster.podBound(bind.pod(), bind.nodeName());
                    nodeOf.put(bind.pod().id(), bind.nodeName());
                    placed.computeIfAbsent(bind.pod().gang().id(), g -> new ArrayList<>()).add(bind.pod().id());
                }
            }
            String context = "seed " + seed + " step " + step;
            for (Gang gang : gangs) {
                List<PodId> members = placed.getOrDefault(gang.id(), List.of());
                assertThat(members.isEmpty() || members.size() >= gang.minimum())
                        .as("%s: gang %s has %d placed of minimum %d", context, gang.id(), members.size(),
                                gang.minimum()).isTrue();
                if (gang.requiredKey() != null) {
                    Set<String> domains = new HashSet<>();
                    members.forEach(member -> domains.add(nodes.get(nodeOf.get(member)).labels().get(gang.requiredKey())));
                    assertThat(domains).as("%s: gang %s's %s domains", context, gang.id(), gang.requiredKey())
                            .hasSizeLessThanOrEqualTo(1).doesNotContainNull();
                }
            }
            Invariants.assertNoNodeOvercommitted(cluster, nodes, context);
            if (!placed.isEmpty() && random.nextInt(3) == 0) {
                GangId finished = new ArrayList<>(placed.keySet()).get(random.nextInt(placed.size()));
                placed.remove(finished).forEach(cluster::removePod);
            }
        }
    }

    private static Gang newGang(String name, SplittableRandom random, Map<GangId, List<Pod>> unsubmitted) {
        GangId id = new GangId("ns", name);
        int size = 1 + random.nextInt(10);
        int minimum = 1 + random.nextInt(size);
        String topologyText = TOPOLOGIES.get(random.nextInt(TOPOLOGIES.size()));
        GangTopology topology = topologyText.isEmpty() ? GangTopology.NONE : GangTopology.parse(topologyText);
        List<Pod> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            boolean driver = i == 0 && random.nextBoolean();
            RandomPods shape = RandomPods.from(random).namespaces(List.of("ns")).memoryMi(512, 4096, 512)
                    .priority(0, 10, 10);
            shape = driver ? shape.cpuMillis(3000) : shape.cpuMillis(250, 3000, 250);
            members.add(shape.next(name + "-" + i).inGang(new GangMembership(id, minimum, 60_000, topology)));
        }
        unsubmitted.put(id, members);
        GangTopology.Level required = topology.requiredLevel();
        return new Gang(id, minimum, required == null ? null : required.key());
    }
}
