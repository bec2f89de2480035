package dev.stook.k8s.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SimulateCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void simulatesTheEmbeddedDefaultScenario() {
        int exit = run("simulate");

        assertThat(exit).isZero();
        assertThat(out.toString())
                .startsWith("Simulation of scenario \"default\" (seed 1, 64 nodes, Stook, gang admission)")
                .contains("never scheduled   0", "makespan", "p99", "overall           cpu", "decisions/s");
        int submitted = count("submitted");
        assertThat(submitted).as("the scenario's 1,288 pods and the replacements of evicted ones")
                .isGreaterThanOrEqualTo(1288);
        assertThat(count("scheduled")).isEqualTo(submitted);
        assertThat(err.toString()).isEmpty();
    }

    private int count(String label) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^  " + label + "\\s+(\\d+)$").matcher(out.toString());
        assertThat(m.find()).as("report line %s", label).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void seedOptionOverridesTheScenarioSeed() {
        assertThat(run("simulate", "--seed", "99")).isZero();
        assertThat(out.toString()).contains("(seed 99, 64 nodes, Stook, gang admission)");
    }

    @Test
    void perPodRunsTheBaseline() {
        assertThat(run("simulate", "--per-pod")).isZero();
        assertThat(out.toString()).startsWith("Simulation of scenario \"default\" (seed 1, 64 nodes, per-pod baseline)");
    }

    @Test
    void compareRunsBothPoliciesOnTheSameSeedAndTabulatesThem() {
        assertThat(run("simulate", "--compare-per-pod", "--seed", "5")).isZero();

        String output = out.toString();
        assertThat(output).contains("(seed 5, 64 nodes, Stook, gang admission)", "(seed 5, 64 nodes, per-pod baseline)");
        String table = output.substring(output.indexOf("Comparison (same scenario and seed)"));
        assertThat(table).containsPattern("\\s+Stook, gang admission\\s+per-pod baseline")
                .contains("partially started gangs", "idle held node-seconds", "mean job completion time", "makespan",
                        "deadlocked");
    }

    @Test
    void compareFifoRunsTheScenarioQueuesAndOneFifoQueueAndTabulatesEachQueue(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("queues.yaml");
        Files.writeString(file, """
                name: two-teams
                queues:
                  queues:
                    - {name: a, guaranteed: {cpu: "2"}}
                    - {name: b, weight: 3}
                nodeGroups: [{name: n, count: 1, allocatable: {cpu: "4", memory: 4Gi}}]
                workloads:
                  - {name: wa, queue: a, start: 5s, jobs: 4, arrival: {every: 1s}, requests: {cpu: "1"}, duration: 10s}
                  - {name: wb, queue: b, jobs: 8, arrival: {every: 1s}, requests: {cpu: "1"}, duration: 20s}
                """);

        assertThat(run("simulate", "--scenario", file.toString(), "--compare-fifo")).isZero();

        String output = out.toString();
        assertThat(output).contains("(seed 1, 1 nodes, Stook, gang admission)",
                "(seed 1, 1 nodes, Stook, gang admission, FIFO single-queue baseline)");
        String table = output.substring(output.indexOf("Comparison with a FIFO single queue"));
        assertThat(table).containsPattern("\\na\\s+\\|").containsPattern("\\nb\\s+\\|")
                .contains("non-preemptible pods evicted", "longest reclaim", "worst leaf share error");
    }

    @Test
    void compareTopologyRunsWithAndWithoutTheGangsTopologyAndTabulatesFragmentation(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("racks.yaml");
        Files.writeString(file, """
                name: racks
                nodeGroups:
                  - {name: n, count: 4, allocatable: {cpu: "4", memory: 16Gi},
                     topology: [{key: example.com/rack, domains: 2}]}
                workloads:
                  - {name: quad, jobs: 2, arrival: {every: 1s}, podsPerJob: 4, gangMinMembers: 4,
                     gangTopology: "required:example.com/rack", requests: {cpu: "2"}, duration: 5s}
                """);

        assertThat(run("simulate", "--scenario", file.toString(), "--compare-topology")).isZero();

        String table = out.toString().substring(out.toString().indexOf("Gang topology comparison"));
        assertThat(table).containsPattern("in example.com/rack\\s+gang topology\\s+no gang topology")
                .containsPattern("of those spread \\(frag.\\)\\s+0 \\(0.0%\\)\\s+2 \\(100.0%\\)")
                .contains("mean gang wait", "cpu utilisation");
    }

    @Test
    void compareTopologyNeedsNodesWithATopology() {
        assertThat(run("simulate", "--compare-topology")).isEqualTo(SimulateCommand.SCENARIO_ERROR);
        assertThat(err.toString()).contains("--compare-topology needs a scenario whose node groups have a topology");
    }

    @Test
    void perPodAndCompareExcludeEachOther() {
        assertThat(run("simulate", "--per-pod", "--compare-per-pod")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("exclude each other");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void scenarioErrorsAreOneClearLineAndExitNonZero(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                name: bad
                nodeGroups: [{name: n, count: 1, allocatable: {cpu: "1"}}]
                workloads: [{name: w, jobs: 1, arrival: {every: 1s}, requests: {cpu: lots}, duration: 1s}]
                """);

        int exit = run("simulate", "--scenario", file.toString());

        assertThat(exit).isEqualTo(SimulateCommand.SCENARIO_ERROR);
        assertThat(err.toString()).startsWith("stook simulate: " + file + ": workloads[0].requests.cpu: invalid quantity")
                .doesNotContain("Exception").hasLineCount(1);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void missingScenarioFileIsReported() {
        assertThat(run("simulate", "--scenario", "no/such.yaml")).isEqualTo(SimulateCommand.SCENARIO_ERROR);
        assertThat(err.toString()).contains("no/such.yaml does not exist");
    }

    @Test
    void withoutSubcommandPrintsUsage() {
        assertThat(run()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("Missing subcommand", "simulate");
    }

    @Test
    void serveShowsOneRunAtAPositiveSpeed() {
        assertThat(run("simulate", "--serve", "--compare-fifo")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run("simulate", "--serve", "--speed", "0")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run("simulate", "--port", "9000")).isEqualTo(CommandLine.ExitCode.USAGE);

        assertThat(err.toString()).contains("--serve shows one run: not with --metrics-port or a comparison",
                "--speed must be above 0", "--port and --speed need --serve");
    }

    private int run(String... args) {
        CommandLine cli = StookCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
