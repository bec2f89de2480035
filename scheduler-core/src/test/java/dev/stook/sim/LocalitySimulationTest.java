package dev.stook.sim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalitySimulationTest {
    private static final String SCENARIO = """
            name: small-locality
            seed: 7
            nodeGroups:
              - name: n
                count: 20
                allocatable: {cpu: "8", memory: 32Gi}
                cache: {chunks: "d:0-1999", shardChunks: 100, replicas: 2}
            workloads:
              - name: reader
                jobs: 150
                arrival: {meanInterval: 500ms}
                requests: {cpu: "2", memory: 1Gi}
                duration: {min: 5s, max: 15s}
                dataChunks: "d:0-1999"
                shardChunks: 100
              - name: gang
                jobs: 10
                arrival: {meanInterval: 5s}
                podsPerJob: 4
                gangMinMembers: 4
                requests: {cpu: "2", memory: 1Gi}
                duration: 10s
                dataChunks: "d:0-1999"
                shardChunks: 100
            """;

    @Test
    void stookReadsMostBytesLocallyAndTheBlindBaselineDoesNot() {
        LocalityComparison comparison = LocalityComparison.run(ScenarioLoader.parse(SCENARIO, "test"));

        assertThat(comparison.stook().dataLocality().ratio()).isGreaterThan(0.95);
        assertThat(comparison.noDelay().dataLocality().ratio()).isGreaterThan(0.9);
        assertThat(comparison.blind().dataLocality().ratio()).isLessThan(0.5);
        assertThat(comparison.stook().podsScheduled()).isEqualTo(190);
        assertThat(comparison.format()).contains("bytes read locally", "locality-blind");
    }

    @Test
    void cachePlacementIsSeededAndHonoursTheReplicationFactor() {
        Scenario scenario = ScenarioLoader.parse(SCENARIO, "test");
        var placed = CachePlacement.place(scenario);

        assertThat(placed).isEqualTo(CachePlacement.place(scenario));
        assertThat(placed.values().stream().mapToLong(c -> c.count()).sum()).isEqualTo(2 * 2000);
    }

    @Test
    void shardsNeedChunksToCutFrom() {
        String bad = SCENARIO.replaceFirst("    dataChunks: \"d:0-1999\"\n", "");

        assertThatThrownBy(() -> ScenarioLoader.parse(bad, "test")).hasMessageContaining("workloads[0].shardChunks: needs dataChunks");
    }
}
