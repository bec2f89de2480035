package dev.stook.core.cycle;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.gang.GangId;
import dev.stook.core.gang.GangMembership;
import dev.stook.core.gang.GangTopology;
import dev.stook.core.locality.ChunkSet;
import dev.stook.core.locality.DataReads;
import dev.stook.core.model.Node;
import dev.stook.core.model.Pod;
import dev.stook.core.plugins.PluginProfile;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static dev.stook.core.Fixtures.node;
import static dev.stook.core.Fixtures.pod;
import static org.assertj.core.api.Assertions.assertThat;

/** Gangs kept in one domain of a topology level ({@code stook.dev/gang-topology}). */
class GangTopologyTest {
    private static final String ZONE = "topology.kubernetes.io/zone";
    private static final String BLOCK = "example.com/block";
    private static final String RACK = "example.com/rack";

    private final ClusterState cluster = new ClusterState();
    private final Map<String, Node> nodes = new HashMap<>();
    private Scheduler scheduler = new Scheduler(cluster, PluginProfile.standard(), SchedulerSettings.DEFAULTS, () -> 0);

    private void labelledNode(String name, String cpu, String zone, String block, String rack) {
        Map<String, String> labels = new HashMap<>();
        if (zone != null) {
            labels.put(ZONE, zone);
        }
        if (block != null) {
            labels.put(BLOCK, block);
        }
        if (rack != null) {
            labels.put(RACK, rack);
        }
        Node node = node(name, cpu, "64Gi").withLabels(labels);
        nodes.put(name, node);
        cluster.upsertNode(node);
    }

    /** A member of a gang of {@code size} (its minimum) asking for the topology ("" for none). */
    private static Pod member(String gang, int index, int size, String cpu, String topology) {
        GangTopology asked = topology.isEmpty() ? GangTopology.NONE : GangTopology.parse(topology);
        return pod(gang + "-" + index, cpu, "1Gi")
                .inGang(new GangMembership(new GangId("default", gang), size, 300_000, asked));
    }

    private void submitGang(String gang, int size, String cpu, String topology) {
        for (int i = 0; i < size; i++) {
            scheduler.submit(member(gang, i, size, cpu, topology));
        }
    }

    /** Runs a cycle and binds what it decided; returns the gangs' binds as pod name to node. */
    private Map<String, String> cycle() {
        Map<String, String> bound = new HashMap<>();
        for (Decision decision : scheduler.runCycle()) {
            if (decision instanceof Decision.Bind bind) {
                cluster.podBound(bind.pod(), bind.nodeName());
                bound.put(bind.pod().id().name(), bind.nodeName());
            }
        }
        return bound;
    }

    private Set<String> domains(Map<String, String> bound, String gang, String key) {
        Set<String> values = new TreeSet<>();
        bound.forEach((pod, nodeName) -> {
            if (pod.startsWith(gang + "-")) {
                values.add(nodes.get(nodeName).labels().get(key));
            }
        });
        return values;
    }

    private static long count(Map<String, String> bound, String gang) {
        return bound.keySet().stream().filter(pod -> pod.startsWith(gang + "-")).count();
    }

    /** Two racks of four 8-cpu nodes, their nodes interleaved in index order. */
    private void twoInterleavedRacks() {
        for (int i = 0; i < 8; i++) {
            labelledNode("n" + i, "8", "z", "b", i % 2 == 0 ? "r-even" : "r-odd");
        }
    }

    @Test
    void aRequiredRackKeepsTheGangInOneRackWhereSpreadingScoresWouldSpanBoth() {
        twoInterleavedRacks();
        submitGang("free", 4, "2", "");
        submitGang("racked", 4, "2", "required:" + RACK);

        Map<String, String> bound = cycle();

        assertThat(domains(bound, "free", RACK)).as("control: least-allocated spreads").hasSize(2);
        assertThat(count(bound, "racked")).isEqualTo(4);
        assertThat(domains(bound, "racked", RACK)).hasSize(1);
    }

    @Test
    void aRequiredRackWaitsNamingTheLevelWhenNoRackHoldsTheGangThoughTheClusterWould() {
        for (int i = 0; i < 4; i++) {
            labelledNode("n" + i, "4", "z", "b", i < 2 ? "r1" : "r2");
        }
        submitGang("big", 6, "2", "required:" + RACK);

        List<Decision> decisions = scheduler.runCycle();

        assertThat(decisions).allMatch(d -> d instanceof Decision.Wait).hasSize(6);
        assertThat(((Decision.Wait) decisions.get(0)).reason()).isEqualTo(UnitTrial.UNSCHEDULABLE);
        assertThat(((Decision.Wait) decisions.get(0)).message()).isEqualTo("gang default/big: 0/6 members placeable;"
                + " no single example.com/rack domain holds the gang (required by stook.dev/gang-topology):"
                + " 2 domains, 2 without room for it");

        ClusterState control = new ClusterState();
        nodes.values().forEach(control::upsertNode);
        Scheduler anywhere = new Scheduler(control, PluginProfile.standard(), SchedulerSettings.DEFAULTS, () -> 0);
        for (int i = 0; i < 6; i++) {
            anywhere.submit(member("big", i, 6, "2", "preferred:" + RACK));
        }
        assertThat(anywhere.runCycle()).as("preferred: placed across racks").hasSize(6)
                .allMatch(d -> d instanceof Decision.Bind);
    }

    /** Zone a: blocks a1, a2; zone b: block b1; each block two racks of two 4-cpu nodes (8 cpu a rack). */
    private void threeLevels() {
        String[][] racks = {{"a", "a1", "a1r1"}, {"a", "a1", "a1r2"}, {"a", "a2", "a2r1"}, {"a", "a2", "a2r2"},
                {"b", "b1", "b1r1"}, {"b", "b1", "b1r2"}};
        for (String[] rack : racks) {
            for (int i = 0; i < 2; i++) {
                labelledNode(rack[2] + "-" + i, "4", rack[0], rack[1], rack[2]);
            }
        }
    }

    @Test
    void aPreferredGangSpillsFromRackToBlockToZoneToAnywhere() {
        String preferred = "preferred:" + RACK + ",preferred:" + BLOCK + ",preferred:" + ZONE;
        record Case(String gang, int members, int racks, int blocks, int zones) {}
        for (Case c : List.of(new Case("rack", 4, 1, 1, 1), new Case("block", 6, 2, 1, 1),
                new Case("zone", 12, 4, 2, 1), new Case("any", 20, 6, 3, 2))) {
            GangTopologyTest fresh = new GangTopologyTest();
            fresh.threeLevels();
            fresh.submitGang(c.gang(), c.members(), "2", preferred);

            Map<String, String> bound = fresh.cycle();

            assertThat(count(bound, c.gang())).as(c.gang()).isEqualTo(c.members());
            assertThat(fresh.domains(bound, c.gang(), RACK)).as(c.gang() + " racks").hasSize(c.racks());
            assertThat(fresh.domains(bound, c.gang(), BLOCK)).as(c.gang() + " blocks").hasSize(c.blocks());
            assertThat(fresh.domains(bound, c.gang(), ZONE)).as(c.gang() + " zones").hasSize(c.zones());
        }
    }

    @Test
    void theRackLeftWithLeastRoomIsChosenSoTheLargestRackStaysWholeForTheLargestGang() {
        for (int i = 0; i < 4; i++) {
            labelledNode("big-" + i, "8", "z", "b", "big");
            labelledNode("mid-" + i, "4", "z", "b", "mid");
            labelledNode("small-" + i, "4", "z", "b", "small");
        }
        cluster.podBound(pod("busy", "4", "1Gi"), "small-0");
        String required = "required:" + RACK;

        submitGang("g8", 4, "2", required);
        Map<String, String> first = cycle();
        submitGang("g16", 8, "2", required);
        Map<String, String> second = cycle();
        submitGang("g32", 8, "4", required);
        Map<String, String> third = cycle();

        assertThat(domains(first, "g8", RACK)).containsExactly("small");
        assertThat(domains(second, "g16", RACK)).containsExactly("mid");
        assertThat(domains(third, "g32", RACK)).containsExactly("big");
    }

    @Test
    void membersDisagreeingOnTheTopologyWaitWithAReason() {
        twoInterleavedRacks();
        scheduler.submit(member("split", 0, 2, "1", "required:" + RACK));
        scheduler.submit(member("split", 1, 2, "1", ""));

        List<Decision> decisions = scheduler.runCycle();

        assertThat(decisions).hasSize(2).allMatch(d -> d instanceof Decision.Wait wait
                && wait.reason().equals(Scheduler.GANG_WAITING)
                && wait.message().equals("gang default/split: members disagree on stook.dev/gang-topology"
                        + " [required:example.com/rack, (none)]; give every member the same value"));
    }

    @Test
    void aGangOfMixedShapesMovesOnToTheNextRackWhenItsFirstChoiceHasRoomOnlyInSum() {
        for (int i = 0; i < 8; i++) {
            labelledNode("thin-" + i, "2", "z", "b", "thin");
        }
        for (int i = 0; i < 3; i++) {
            labelledNode("wide-" + i, "6", "z", "b", "wide");
        }
        scheduler.submit(pod("mixed-0", "4", "1Gi").inGang(member("mixed", 0, 5, "4", "required:" + RACK).gang()));
        for (int i = 1; i < 5; i++) {
            scheduler.submit(member("mixed", i, 5, "2", "required:" + RACK));
        }

        Map<String, String> bound = cycle();

        assertThat(count(bound, "mixed")).isEqualTo(5);
        assertThat(domains(bound, "mixed", RACK)).containsExactly("wide");
    }

    @Test
    void amongRacksThatFitTheOneHoldingTheGangsDataWinsOverBestFit() {
        for (int i = 0; i < 2; i++) {
            labelledNode("tight-" + i, "8", "z", "b", "tight");
        }
        for (int i = 0; i < 4; i++) {
            labelledNode("roomy-" + i, "8", "z", "b", "roomy");
        }
        cluster.reportCachedChunks("roomy-3", ChunkSet.parse("d:0-99"));
        for (int i = 0; i < 4; i++) {
            scheduler.submit(member("readers", i, 4, "2", "required:" + RACK)
                    .withDataReads(DataReads.of(ChunkSet.parse("d:0-99"), 1 << 20)));
        }
        submitGang("blind", 4, "2", "required:" + RACK);

        Map<String, String> bound = cycle();

        assertThat(domains(bound, "readers", RACK)).containsExactly("roomy");
        assertThat(domains(bound, "blind", RACK)).as("no data: best fit").containsExactly("tight");
    }

    @Test
    void aGangReadingShardsHeldInTwoRacksStaysInTheRackHoldingMostOfThemWhenItPrefersOneRack() {
        // Without delay scheduling: reading 75% locally, the racked gang would otherwise wait for more.
        scheduler = new Scheduler(cluster, PluginProfile.standard(), SchedulerSettings.DEFAULTS.withLocalityWait(0,
                SchedulerSettings.DEFAULT_LOCALITY_THRESHOLD), () -> 0);
        twoInterleavedRacks();
        String[] holders = {"n0", "n2", "n4", "n1"};
        for (int shard = 0; shard < 4; shard++) {
            cluster.reportCachedChunks(holders[shard], ChunkSet.parse("d:" + shard * 10 + "-" + (shard * 10 + 9)));
        }
        for (String gang : List.of("spread", "racked")) {
            for (int i = 0; i < 4; i++) {
                scheduler.submit(member(gang, i, 4, "1", gang.equals("racked") ? "preferred:" + RACK : "")
                        .withDataReads(DataReads.of(ChunkSet.parse("d:" + i * 10 + "-" + (i * 10 + 9)), 1 << 20)));
            }
        }

        Map<String, String> bound = cycle();

        assertThat(domains(bound, "spread", RACK)).as("control: each member to its shard").hasSize(2);
        assertThat(bound.get("spread-3")).isEqualTo("n1");
        assertThat(domains(bound, "racked", RACK)).containsExactly("r-even");
        assertThat(List.of(bound.get("racked-0"), bound.get("racked-1"), bound.get("racked-2")))
                .as("in the rack, members still go to their shards").containsExactly("n0", "n2", "n4");
    }

    @Test
    void aLevelNoNodeHasMakesARequiredGangWaitSayingSoAndAPreferredOneGoAnywhere() {
        twoInterleavedRacks();
        submitGang("strict", 2, "1", "required:example.com/pod-of-racks");
        submitGang("loose", 2, "1", "preferred:example.com/pod-of-racks");

        List<Decision> decisions = scheduler.runCycle();

        assertThat(SchedulerTest.waits(decisions)).containsExactly(
                "default/strict-0: gang default/strict: 0/2 members placeable; no node has the label"
                        + " example.com/pod-of-racks (required by stook.dev/gang-topology)",
                "default/strict-1: gang default/strict: 0/2 members placeable; no node has the label"
                        + " example.com/pod-of-racks (required by stook.dev/gang-topology)");
        assertThat(SchedulerTest.binds(decisions)).hasSize(2).allMatch(b -> b.startsWith("default/loose-"));
    }

    @Test
    void nodesWithoutTheLabelTakeNoMemberOfARequiredGang() {
        labelledNode("unlabelled-0", "64", null, null, null);
        labelledNode("racked-0", "4", "z", "b", "r1");
        labelledNode("racked-1", "4", "z", "b", "r1");
        submitGang("g", 4, "2", "required:" + RACK);

        Map<String, String> bound = cycle();

        assertThat(bound.values()).hasSize(4).allMatch(n -> n.startsWith("racked-"));
    }

    @Test
    void aStarvingGangRequiringOneRackHoldsNodesOfOneRackOnly() {
        long[] now = {0};
        scheduler = new Scheduler(cluster, PluginProfile.standard(), SchedulerSettings.DEFAULTS.withStarvationMillis(
                1_000), () -> now[0]);
        for (int i = 0; i < 4; i++) {
            labelledNode("n" + i, "4", "z", "b", i % 2 == 0 ? "r-even" : "r-odd");
            cluster.podBound(pod("long-" + i, "3", "1Gi"), "n" + i);
        }
        submitGang("starving", 2, "2", "required:" + RACK);
        assertThat(cycle()).isEmpty();

        now[0] = 2_000;
        for (int i = 0; i < 2; i++) {
            scheduler.submit(pod("small-" + i, "1", "1Gi").createdAt(1_500));
        }
        Map<String, String> held = cycle();

        assertThat(held).as("the starving gang holds n0 and n2, the even rack").containsOnlyKeys("small-0", "small-1")
                .containsValues("n1", "n3");

        cluster.removePod(pod("long-0", "3", "1Gi").id());
        cluster.removePod(pod("long-2", "3", "1Gi").id());
        Map<String, String> admitted = cycle();
        assertThat(admitted).containsOnlyKeys("starving-0", "starving-1");
        assertThat(domains(admitted, "starving", RACK)).containsExactly("r-even");
    }

    @Test
    void aHigherPriorityGangRequiringOneRackEvictsOnlyWhatOneRackNeeds() {
        twoInterleavedRacks();
        for (int i = 0; i < 8; i++) {
            scheduler.submit(pod("low-" + i, "8", "1Gi").createdAt(i));
        }
        Map<String, String> low = cycle();
        assertThat(low).hasSize(8);
        for (int i = 0; i < 2; i++) {
            scheduler.submit(member("urgent", i, 2, "8", "required:" + RACK).withPriority(100));
        }

        List<String> victims = scheduler.runCycle().stream().filter(d -> d instanceof Decision.Evict)
                .map(d -> d.pod().id().name()).toList();

        assertThat(victims).hasSize(2);
        Set<String> racks = new TreeSet<>();
        victims.forEach(victim -> racks.add(nodes.get(low.get(victim)).labels().get(RACK)));
        assertThat(racks).as("both victims in one rack").hasSize(1);

        victims.forEach(victim -> cluster.removePod(pod(victim, "8", "1Gi").id()));
        Map<String, String> bound = cycle();
        assertThat(count(bound, "urgent")).isEqualTo(2);
        assertThat(domains(bound, "urgent", RACK)).isEqualTo(racks);
    }

    @Test
    void aLateMemberOfAnElasticGangJoinsItsRackOrWaitsThoughAnotherRackIsEmpty() {
        labelledNode("r1-0", "4", "z", "b", "r1");
        labelledNode("r2-0", "16", "z", "b", "r2");
        labelledNode("r2-1", "16", "z", "b", "r2");
        cluster.podBound(pod("filler", "16", "1Gi"), "r2-0");
        cluster.podBound(pod("filler-2", "16", "1Gi"), "r2-1");
        GangTopology required = GangTopology.parse("required:" + RACK);
        GangMembership elastic = new GangMembership(new GangId("default", "e"), 2, 300_000, required);
        for (int i = 0; i < 3; i++) {
            scheduler.submit(pod("e-" + i, "2", "1Gi").inGang(elastic));
        }
        Map<String, String> first = cycle();
        assertThat(first).containsOnlyKeys("e-0", "e-1").containsValues("r1-0");

        cluster.removePod(pod("filler", "16", "1Gi").id());
        cluster.removePod(pod("filler-2", "16", "1Gi").id());
        assertThat(cycle()).as("its rack is full; the empty rack is not its gang's").isEmpty();

        cluster.removePod(pod("e-0", "2", "1Gi").id());
        assertThat(cycle()).containsEntry("e-2", "r1-0");
    }
}
