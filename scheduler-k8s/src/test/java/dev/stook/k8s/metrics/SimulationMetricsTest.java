package dev.stook.k8s.metrics;

import dev.stook.core.cycle.SchedulerSettings;
import dev.stook.k8s.version.BuildInfo;
import dev.stook.sim.QueueSetup;
import dev.stook.sim.ScenarioLoader;
import dev.stook.sim.SimulationReport;
import dev.stook.sim.Simulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SimulationMetricsTest {
    /** DESIGN.md §4: the names users write dashboards and alerts against. */
    private static final List<String> CONTRACT = List.of(
            "stook_pending_pods{", "stook_schedule_attempts_total{", "stook_scheduling_cycle_duration_seconds_bucket{",
            "stook_e2e_scheduling_duration_seconds_bucket{", "stook_binding_duration_seconds_bucket{",
            "stook_gang_wait_seconds_bucket{", "stook_gangs{", "stook_queue_allocated{", "stook_queue_fair_share{",
            "stook_queue_guaranteed{", "stook_preemption_victims_total{", "stook_locality_local_bytes_ratio_bucket{",
            "stook_config_reload_total{", "stook_leader ");

    private static final String SCENARIO = """
            name: metrics
            cycleInterval: 1s
            nodeGroups:
              - name: worker
                count: 4
                allocatable: {cpu: "8", memory: 32Gi, pods: "110"}
            workloads:
              - name: solo
                jobs: 10
                arrival: {every: 2s}
                requests: {cpu: "1", memory: 1Gi}
                duration: 30s
              - name: team
                jobs: 3
                arrival: {every: 20s}
                podsPerJob: 4
                gangMinMembers: 4
                requests: {cpu: "4", memory: 4Gi}
                duration: 60s
            """;

    private final StookMetrics metrics = new StookMetrics(BuildInfo.current());

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void aSimulationExportsEveryContractMetricWithCountsThatMatchItsReport() {
        metrics.leader(() -> true);
        SimulationReport report = Simulator.run(ScenarioLoader.parse(SCENARIO, "test"), SchedulerSettings.DEFAULTS,
                QueueSetup.SCENARIO, new SimulatedBinds(metrics));

        String scrape = metrics.scrape();
        assertThat(scrape).contains(CONTRACT);
        assertThat(report.podsScheduled()).isEqualTo(22);
        assertThat(Scrape.value(scrape, "stook_schedule_attempts_total{result=\"scheduled\"}")).isEqualTo(22);
        assertThat(Scrape.value(scrape, "stook_e2e_scheduling_duration_seconds_count")).isEqualTo(22);
        assertThat(Scrape.value(scrape, "stook_gang_wait_seconds_count")).isEqualTo(3);
        assertThat(Scrape.value(scrape, "stook_scheduling_cycle_duration_seconds_count")).isEqualTo(report.cycles());
        assertThat(Scrape.value(scrape, "stook_binding_duration_seconds_count{result=\"bound\"}")).isZero();
        assertThat(Scrape.value(scrape, "stook_pending_pods{queue=\"default\"}")).isZero();
        assertThat(Scrape.value(scrape, "stook_gangs{state=\"admitted\"}")).isZero();
        assertThat(Scrape.value(scrape, "stook_leader")).isEqualTo(1);
        assertThat(scrape).contains("jvm_memory_used_bytes{", "process_cpu_usage ");
    }
}
