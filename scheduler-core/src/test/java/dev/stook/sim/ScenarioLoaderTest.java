package dev.stook.sim;

import dev.stook.core.model.Resources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioLoaderTest {
    private static final Path DEFAULT_FILE = Path.of("../config/scenarios/default.yaml");

    private static final String VALID = """
            name: tiny
            seed: 42
            cycleInterval: 250ms
            scorerWeights: {MostAllocated: 3}
            queues:
              queues: [{name: research, guaranteed: {cpu: "8"}, children: [{name: nlp}]}]
            nodeGroups:
              - name: gpu
                count: 2
                allocatable: {cpu: "8", memory: 32Gi, nvidia.com/gpu: "2"}
                labels: {pool: gpu}
                taints: [{key: nvidia.com/gpu, value: present, effect: NoSchedule}]
            workloads:
              - name: train
                jobs: 3
                arrival: {meanInterval: 2s}
                start: 1m
                podsPerJob: 4
                requests: {cpu: 500m, memory: 1Gi, nvidia.com/gpu: 1}
                duration: {min: 60s, max: 5m}
                priority: 7
                nodeSelector: {pool: gpu}
                tolerations: [{key: nvidia.com/gpu, operator: Exists, effect: NoSchedule}]
                queue: research.nlp
                gangMinMembers: 4
                dataChunks: "dataset:0-15,other:3"
                preemptible: false
            """;

    @Test
    void readsEveryField() {
        Scenario scenario = ScenarioLoader.parse(VALID, "valid.yaml");

        assertThat(scenario.name()).isEqualTo("tiny");
        assertThat(scenario.seed()).isEqualTo(42);
        assertThat(scenario.cycleIntervalMillis()).isEqualTo(250);
        assertThat(scenario.scorerWeights()).containsExactly(Map.entry("MostAllocated", 3));
        NodeGroup group = scenario.nodeGroups().get(0);
        assertThat(group.nodes()).extracting(n -> n.name()).containsExactly("gpu-0", "gpu-1");
        assertThat(group.allocatable()).isEqualTo(Resources.parse(Map.of("cpu", "8", "memory", "32Gi",
                "nvidia.com/gpu", "2")));
        assertThat(group.taints()).hasSize(1);
        Workload train = scenario.workloads().get(0);
        assertThat(train.arrival()).isEqualTo(new Arrival.Exponential(2_000));
        assertThat(train.startMillis()).isEqualTo(60_000);
        assertThat(train.runTime()).isEqualTo(new RunTime.Uniform(60_000, 300_000));
        assertThat(train.requests().cpuMillis()).isEqualTo(500);
        assertThat(train.constraints().nodeSelector()).containsEntry("pool", "gpu");
        assertThat(train.constraints().tolerations()).hasSize(1);
        assertThat(train.queue()).contains("research.nlp");
        assertThat(train.gangMinMembers()).contains(4);
        assertThat(train.dataChunks()).contains("dataset:0-15,other:3");
        assertThat(train.preemptible()).isFalse();
    }

    @Test
    void appliesDefaults() {
        Scenario scenario = ScenarioLoader.parse("""
                name: minimal
                nodeGroups: [{name: n, count: 1, allocatable: {cpu: "1"}}]
                workloads: [{name: w, jobs: 1, arrival: {every: 1s}, requests: {cpu: 100m}, duration: 2s}]
                """, "minimal.yaml");

        assertThat(scenario.seed()).isEqualTo(ScenarioLoader.DEFAULT_SEED);
        assertThat(scenario.cycleIntervalMillis()).isEqualTo(ScenarioLoader.DEFAULT_CYCLE_INTERVAL_MILLIS);
        Workload w = scenario.workloads().get(0);
        assertThat(w.podsPerJob()).isEqualTo(1);
        assertThat(w.runTime()).isEqualTo(new RunTime.Fixed(2_000));
        assertThat(w.queue()).isEqualTo(Optional.empty());
        assertThat(w.preemptible()).isTrue();
    }

    @Test
    void shippedScenariosLoad() {
        assertThat(ScenarioLoader.load(DEFAULT_FILE).nodeGroups()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(ScenarioLoader.load(Path.of("../config/scenarios/large.yaml")).name()).isEqualTo("large");
    }

    @Test
    void embeddedDefaultIsTheConfigFile() throws IOException {
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(ScenarioLoader.DEFAULT_RESOURCE)) {
            assertThat(in).isNotNull();
            assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(DEFAULT_FILE));
        }
        assertThat(ScenarioLoader.loadDefault()).usingRecursiveComparison().isEqualTo(ScenarioLoader.load(DEFAULT_FILE));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown top-level key      | colour: blue                          | colour: unknown key
            unknown nested key         | nodeGroups[0].allocatable: {cpu: "1"}\\n    zone: a | nodeGroups[0].zone: unknown key
            bad quantity               | workloads[0].requests: {cpu: lots}    | workloads[0].requests.cpu: invalid quantity "lots"
            bad duration               | workloads[0].duration: 10 seconds     | workloads[0].duration: invalid duration
            duration range reversed    | workloads[0].duration: {min: 5m, max: 1m} | workloads[0].duration.min: must not be longer than max
            both arrival kinds         | workloads[0].arrival: {every: 1s, meanInterval: 1s} | workloads[0].arrival: give exactly one
            count not a number         | nodeGroups[0].count: many             | nodeGroups[0].count: expected a whole number, found "many"
            count zero                 | nodeGroups[0].count: 0                | nodeGroups[0].count: must be between 1
            list expected              | workloads[0].tolerations: {key: a}    | workloads[0].tolerations: expected a list
            mapping expected           | nodeGroups[0].labels: [a, b]          | nodeGroups[0].labels: expected a mapping
            bad taint effect           | nodeGroups[0].taints: [{key: a, effect: Sometimes}] | nodeGroups[0].taints[0].effect: unknown taint effect
            bad toleration operator    | workloads[0].tolerations: [{key: a, operator: Maybe}] | workloads[0].tolerations[0].operator: unknown toleration operator
            unknown scorer             | scorerWeights: {Fastest: 1}           | scorerWeights: unknown scorer "Fastest"
            gang larger than job       | workloads[0].gangMinMembers: 9        | workloads[0].gangMinMembers: must be between 1 and 1
            preemptible not boolean    | workloads[0].preemptible: sometimes   | workloads[0].preemptible: expected true or false
            bad data chunks            | workloads[0].dataChunks: everything   | workloads[0].dataChunks: expected chunk ranges
            bad name                   | workloads[0].name: My_Jobs            | workloads[0].name: "My_Jobs" must be lower-case
            missing required key       | workloads[0].jobs: ~                  | workloads[0].jobs: must not be empty
            zero cycle interval        | cycleInterval: 0ms                    | cycleInterval: must be longer than 0ms
            """)
    void rejectsWithTheKeyPath(String description, String override, String expected) {
        String yaml = withOverride(override.replace("\\n", "\n"));

        assertThatThrownBy(() -> ScenarioLoader.parse(yaml, "bad.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("bad.yaml: ")
                .hasMessageContaining(expected);
    }

    @Test
    void rejectsMissingSections() {
        assertThatThrownBy(() -> ScenarioLoader.parse("name: x\nworkloads: []\n", "s.yaml"))
                .hasMessageContaining("nodeGroups: is required");
    }

    @Test
    void rejectsDuplicateNamesAndKeys() {
        assertThatThrownBy(() -> ScenarioLoader.parse("""
                name: s
                nodeGroups: [{name: n, count: 1, allocatable: {cpu: "1"}}]
                workloads:
                  - {name: w, jobs: 1, arrival: {every: 1s}, requests: {cpu: "1"}, duration: 1s}
                  - {name: w, jobs: 1, arrival: {every: 1s}, requests: {cpu: "1"}, duration: 1s}
                """, "s.yaml")).hasMessageContaining("workloads[1].name: \"w\" is used twice");
        assertThatThrownBy(() -> ScenarioLoader.parse("name: a\nname: b\n", "s.yaml"))
                .hasMessageContaining("not valid YAML").hasMessageContaining("duplicate key name");
    }

    @Test
    void rejectsNonYamlAndEmptyDocuments() {
        assertThatThrownBy(() -> ScenarioLoader.parse("", "s.yaml")).hasMessage("s.yaml: the scenario is empty");
        assertThatThrownBy(() -> ScenarioLoader.parse("name: [unclosed", "s.yaml")).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> ScenarioLoader.parse("- a\n- b\n", "s.yaml"))
                .hasMessage("s.yaml: expected a mapping, found a list");
        assertThatThrownBy(() -> ScenarioLoader.parse("!!java.util.Date {}", "s.yaml")).hasMessageContaining("not valid YAML");
    }

    @Test
    void reportsMissingFiles() {
        assertThatThrownBy(() -> ScenarioLoader.load(Path.of("no/such/scenario.yaml")))
                .hasMessageContaining("does not exist");
    }

    /**
     * A valid scenario with one key replaced or added, written as {@code path: yaml}: the path picks a
     * node group or workload (or the top level) and the value is spliced in as its own YAML line.
     */
    private static String withOverride(String override) {
        int colon = override.indexOf(": ");
        String path = override.substring(0, colon);
        String value = override.substring(colon + 2);
        String group = "{name: general, count: 2, allocatable: {cpu: \"4\", memory: 8Gi}}";
        String workload = "{name: jobs, jobs: 1, arrival: {every: 1s}, requests: {cpu: 100m}, duration: 1s}";
        StringBuilder yaml = new StringBuilder("name: s\n");
        if (!path.contains(".")) {
            yaml.append(path).append(": ").append(value).append('\n');
        }
        yaml.append("nodeGroups:\n  - ").append(groupOrWorkload(group, "nodeGroups[0].", path, value)).append('\n');
        yaml.append("workloads:\n  - ").append(groupOrWorkload(workload, "workloads[0].", path, value)).append('\n');
        return yaml.toString();
    }

    private static String groupOrWorkload(String flow, String prefix, String path, String value) {
        if (!path.startsWith(prefix)) {
            return flow;
        }
        String key = path.substring(prefix.length());
        StringBuilder block = new StringBuilder();
        String inner = flow.substring(1, flow.length() - 1);
        for (String entry : splitTopLevel(inner)) {
            String entryKey = entry.substring(0, entry.indexOf(':')).strip();
            if (!entryKey.equals(key)) {
                block.append(block.length() == 0 ? "" : "\n    ").append(entry.strip());
            }
        }
        return block.append("\n    ").append(key).append(": ").append(value).toString();
    }

    private static java.util.List<String> splitTopLevel(String inner) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(inner.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(inner.substring(start));
        return parts;
    }
}
