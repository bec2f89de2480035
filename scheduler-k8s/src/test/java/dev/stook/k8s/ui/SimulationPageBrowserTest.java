package dev.stook.k8s.ui;

import dev.stook.core.cycle.SchedulerSettings;
import dev.stook.k8s.testing.HeadlessChromium;
import dev.stook.sim.ScenarioLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page of {@code stook simulate --serve} in a real browser, while the simulation steps through virtual time:
 * at 120 s two 3-cpu pods of queue batch take 6 of the 8 cpus; at 121 s gang train-0 of research.nlp (two
 * 3-cpu members) cannot fit; at 180 s the batch pods end and the gang is bound. Each of those states stays in
 * view for 5 s (the pause's cap) while the page polls every 2 s.
 */
class SimulationPageBrowserTest {
    private static final String SCENARIO = """
            name: page
            seed: 1
            queues:
              queues:
                - name: research
                  guaranteed: {cpu: "2"}
                  children: [{name: nlp}]
                - name: batch
              placement: [{queue: batch}]
            nodeGroups:
              - {name: node, count: 2, allocatable: {cpu: "4", memory: 16Gi, pods: "110"}}
            workloads:
              - {name: batch, jobs: 1, podsPerJob: 2, arrival: {every: 1s}, start: 120s, requests: {cpu: "3", memory: 1Gi}, duration: 60s}
              - {name: impossible, jobs: 1, arrival: {every: 1s}, start: 120s, requests: {cpu: "100", memory: 1Gi}, duration: 60s}
              - {name: train, jobs: 1, podsPerJob: 2, gangMinMembers: 2, queue: research.nlp, arrival: {every: 1s}, start: 121s, requests: {cpu: "3", memory: 1Gi}, duration: 1h}
            """;
    private Thread simulation;
    private HeadlessChromium browser;

    @AfterEach
    void stop() throws InterruptedException {
        if (browser != null) {
            browser.close();
        }
        if (simulation != null) {
            simulation.interrupt();
            simulation.join(30_000);
        }
    }

    @Test
    void thePageFollowsTheSimulationFromAWaitingGangToItsBinding(@TempDir Path dir) throws Exception {
        Path scenario = Files.writeString(dir.resolve("page.yaml"), SCENARIO);
        browser = HeadlessChromium.start();
        int port = freePort();
        simulation = new Thread(() -> {
            try {
                SimulationServer.run(ScenarioLoader.load(scenario), SchedulerSettings.DEFAULTS, port, 10,
                        new PrintWriter(new StringWriter()));
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "simulation");
        simulation.start();

        browser.until(driver -> {
            try {
                driver.get("http://localhost:" + port + PageHandler.PATH);
                return true;
            } catch (org.openqa.selenium.WebDriverException notYetServing) {
                return false;
            }
        });
        browser.until(driver -> PageState.read(driver).units().contains("train-0"));
        Map<String, String> waiting = PageState.read(browser.driver()).cells();
        browser.screenshot("simulation-gang-waiting");

        assertThat(waiting).containsEntry("batch/cpu", "holds 6").containsEntry("research.nlp/cpu", "holds 0")
                .containsEntry("research.nlp/pending-pods", "2").containsEntry("research/guaranteed", "guaranteed 2");
        assertThat(PageState.read(browser.driver()).units()).contains("Unschedulable", "Insufficient cpu",
                "2 created, 0 placeable, 0 placed; needs 2");

        browser.until(driver -> "holds 6".equals(PageState.read(driver).cells().get("research.nlp/cpu")));
        browser.screenshot("simulation-gang-bound");

        PageState bound = PageState.read(browser.driver());
        assertThat(bound.units()).doesNotContain("train-0").contains("impossible-0-0");
        assertThat(bound.cycles()).contains("2");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
