package dev.stook.sim;

import dev.stook.core.model.Pod;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioQueuesTest {
    private static final String SCENARIO = """
            name: queued
            evictionGrace: 10s
            queues:
              queues:
                - name: research
                  guaranteed: {cpu: "4"}
                  submitters: {namespaces: ["ml-*"]}
                  children:
                    - {name: nlp, weight: 2}
                    - {name: vision}
              placement:
                - {namespace: "ml-*", queue: research.vision}
            nodeGroups: [{name: n, count: 1, allocatable: {cpu: "8", memory: 8Gi}}]
            workloads:
              - {name: named, namespace: ml-a, queue: research.nlp, preemptible: false, jobs: 1,
                 arrival: {every: 1s}, requests: {cpu: "1"}, duration: 1s}
              - {name: placed, namespace: ml-b, jobs: 1, arrival: {every: 1s}, requests: {cpu: "1"}, duration: 1s}
            """;

    @Test
    void readsTheQueueConfigAndPutsQueueNamespaceAndPreemptibleOnPods() {
        Scenario scenario = ScenarioLoader.parse(SCENARIO, "queued.yaml");

        assertThat(scenario.evictionGraceMillis()).isEqualTo(10_000);
        assertThat(scenario.queues().queue("research.nlp").weight()).isEqualTo(2);
        assertThat(scenario.queues().placement()).hasSize(1);
        Pod named = WorkloadGenerator.jobs(scenario).get(0).pods().get(0);
        assertThat(named.id().namespace()).isEqualTo("ml-a");
        assertThat(named.queue()).isEqualTo("research.nlp");
        assertThat(named.preemptible()).isFalse();
        Pod placed = WorkloadGenerator.jobs(scenario).get(1).pods().get(0);
        assertThat(placed.queue()).isNull();
        assertThat(placed.preemptible()).isTrue();
    }

    @Test
    void withoutQueuesTheEngineRunsItsSingleDefaultQueue() {
        Scenario scenario = ScenarioLoader.parse(SCENARIO.replaceAll("(?s)queues:.*?nodeGroups", "nodeGroups")
                .replace("queue: research.nlp, ", ""), "plain.yaml");

        assertThat(scenario.queues().queue("default")).isNotNull();
        assertThat(scenario.evictionGraceMillis()).isEqualTo(10_000);
    }

    @Test
    void queueConfigErrorsNameTheScenarioFileAndItsLine() {
        String bad = SCENARIO.replace("    - {name: vision}", "    - {name: vision, colour: blue}");

        assertThatThrownBy(() -> ScenarioLoader.parse(bad, "queued.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageStartingWith("queued.yaml: queues: line 10: ")
                .hasMessageContaining("colour");
    }

    @Test
    void aWorkloadWhosePodsLandInNoQueueIsRejected() {
        String wrongNamespace = SCENARIO.replace("namespace: ml-b", "namespace: web");

        assertThatThrownBy(() -> ScenarioLoader.parse(wrongNamespace, "queued.yaml"))
                .hasMessageStartingWith("queued.yaml: workloads[1]: no placement rule matches namespace web");
    }

    @Test
    void theShippedOverloadScenarioLoads() {
        Scenario scenario = ScenarioLoader.load(Path.of("../config/scenarios/queues-overload.yaml"));

        assertThat(scenario.queues().all()).hasSize(9);
        assertThat(scenario.workloads()).anyMatch(workload -> !workload.preemptible());
    }
}
