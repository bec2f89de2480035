package dev.stook.sim;

import dev.stook.core.gang.GangTopology;
import dev.stook.core.model.Node;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scenarios whose nodes sit in a topology and whose gangs keep to it. */
class GangTopologySimulationTest {
    private static final String RACK = "example.com/rack";

    /**
     * Two zones of two racks of two 4-cpu nodes (8 cpu a rack). Gangs of four 2-cpu members arrive every 10s
     * and run 15s: without a topology least-allocated puts each member on an empty node, over two racks;
     * preferring a rack, each gang fills one.
     */
    private static final String QUADS = """
            name: quads
            cycleInterval: 1s
            nodeGroups:
              - name: n
                count: 8
                allocatable: {cpu: "4", memory: 16Gi}
                topology:
                  - {key: topology.kubernetes.io/zone, domains: 2}
                  - {key: example.com/rack, domains: 2}
            workloads:
              - {name: quad, jobs: 6, arrival: {every: 10s}, podsPerJob: 4, gangMinMembers: 4,
                 gangTopology: "preferred:example.com/rack", requests: {cpu: "2"}, duration: 15s}
            """;

    @Test
    void nodesAreDealtIntoNestedDomainsConsecutiveNodesSharingARack() {
        List<Node> nodes = ScenarioLoader.parse(QUADS, "quads.yaml").nodeGroups().get(0).nodes();

        assertThat(nodes).extracting(n -> n.labels().get(RACK))
                .containsExactly("n-0-0", "n-0-0", "n-0-1", "n-0-1", "n-1-0", "n-1-0", "n-1-1", "n-1-1");
        assertThat(nodes).extracting(n -> n.labels().get("topology.kubernetes.io/zone"))
                .containsExactly("n-0", "n-0", "n-0", "n-0", "n-1", "n-1", "n-1", "n-1");
    }

    @Test
    void theComparisonMeasuresGangsSpreadOverRacksWithAndWithoutTheirTopology() {
        Scenario scenario = ScenarioLoader.parse(QUADS, "quads.yaml");
        assertThat(scenario.workloads().get(0).gangTopology()).isEqualTo(GangTopology.parse("preferred:" + RACK));

        TopologyComparison comparison = TopologyComparison.run(scenario);

        GangPlacement kept = comparison.withTopology().gangPlacement();
        GangPlacement spread = comparison.without().gangPlacement();
        assertThat(kept.levelKey()).isEqualTo(RACK);
        assertThat(kept.gangsPlaced()).isEqualTo(6);
        assertThat(kept.fitOneDomain()).isEqualTo(6);
        assertThat(kept.fragmented()).isZero();
        assertThat(kept.domainsPerGang()).isEqualTo(1.0);
        assertThat(spread.fragmented()).as("least-allocated spreads the baseline's gangs").isPositive();
        assertThat(kept.gangWaits().maxMillis()).isZero();
        assertThat(comparison.format()).contains("of those spread (frag.)").contains("0 ");
    }

    @Test
    void theGangTopologyScenarioLoads() {
        Scenario scenario = ScenarioLoader.load(Path.of("../config/scenarios/gang-topology.yaml"));

        assertThat(scenario.tightestTopologyKey()).contains(RACK);
        assertThat(scenario.nodeGroups().get(0).nodes()).hasSize(256);
    }

    @Test
    void badTopologyInAScenarioIsAnErrorNamingTheKey() {
        assertThatThrownBy(() -> ScenarioLoader.parse(QUADS.replace("count: 8", "count: 6"), "quads.yaml"))
                .hasMessage("quads.yaml: nodeGroups[0].count: 6 nodes cannot be dealt evenly into the 4 domains of"
                        + " the tightest topology level");
        assertThatThrownBy(() -> ScenarioLoader.parse(QUADS.replace("preferred:example.com/rack", "nearby"),
                "quads.yaml")).hasMessageStartingWith("quads.yaml: workloads[0].gangTopology: stook.dev/gang-topology:"
                        + " \"nearby\" must be required:<node label key> or preferred:<node label key>");
        assertThatThrownBy(() -> ScenarioLoader.parse(QUADS.replace("gangMinMembers: 4,", ""), "quads.yaml"))
                .hasMessage("quads.yaml: workloads[0].gangTopology: needs gangMinMembers: only a gang keeps to a"
                        + " topology");
        assertThatThrownBy(() -> ScenarioLoader.parse(QUADS.replace("domains: 2}\n      - {key: example.com/rack",
                "domains: 2}\n      - {key: topology.kubernetes.io/zone"), "quads.yaml"))
                .hasMessageContaining("nodeGroups[0].topology").hasMessageContaining("used twice");
    }
}
