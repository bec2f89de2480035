package dev.stook.k8s.cli;

import dev.stook.core.cycle.SchedulerSettings;
import dev.stook.k8s.health.HealthServer;
import dev.stook.k8s.metrics.SimulatedBinds;
import dev.stook.k8s.metrics.StookMetrics;
import dev.stook.k8s.ui.SimulationServer;
import dev.stook.k8s.version.BuildInfo;
import dev.stook.sim.ComparisonFormatter;
import dev.stook.sim.LocalityComparison;
import dev.stook.sim.QueueComparisonFormatter;
import dev.stook.sim.QueueSetup;
import dev.stook.sim.ReportFormatter;
import dev.stook.sim.Scenario;
import dev.stook.sim.ScenarioException;
import dev.stook.sim.ScenarioLoader;
import dev.stook.sim.SimulationReport;
import dev.stook.sim.Simulator;
import dev.stook.sim.TopologyComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code stook simulate}: runs the scheduling engine against a scenario in virtual time and prints a report. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run the scheduler against a simulated cluster and workload, in virtual time.")
final class SimulateCommand implements Callable<Integer> {
    static final int SCENARIO_ERROR = 1;
    private static final SchedulerSettings PER_POD = SchedulerSettings.DEFAULTS.withGangAdmission(false);

    @Spec
    private CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Scenario YAML file (default: the embedded default scenario).")
    private Path scenarioFile;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed, overriding the scenario's.")
    private Long seed;

    @Option(names = "--per-pod",
            description = "Turn gang admission off: place every pod on its own, as kube-scheduler does.")
    private boolean perPod;

    @Option(names = "--compare-per-pod",
            description = "Run the scenario twice with the same seed, with Stook's gang admission and with the"
                    + " per-pod baseline, and print both reports and a comparison table.")
    private boolean compare;

    @Option(names = "--compare-fifo",
            description = "Run the scenario twice with the same seed, with its queues and with every pod in one"
                    + " FIFO queue, and print both reports and a per-queue comparison table.")
    private boolean compareFifo;

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve the run's metrics (the same as stook run's) on /metrics of this port, in virtual time.")
    private Integer metricsPort;

    @Option(names = "--hold", description = "With --metrics-port: keep serving after the run until the process is killed.")
    private boolean hold;

    @Option(names = "--serve",
            description = "Serve the web page of the run (queues, gangs, pending pods) on localhost while it runs in"
                    + " watchable time, then its final state until killed.")
    private boolean serve;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "With --serve: the port, on localhost (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "60",
            description = "With --serve: virtual seconds per real second (default: ${DEFAULT-VALUE}).")
    private double speed;

    @Option(names = "--compare-locality",
            description = "Run the scenario three times with the same seed: Stook, Stook without delay scheduling,"
                    + " and the locality-blind baseline (Locality weight 0); print the three reports and a"
                    + " comparison table.")
    private boolean compareLocality;

    @Option(names = "--compare-topology",
            description = "Run the scenario twice with the same seed: with its gangs' topology (gangTopology) and with"
                    + " none; print both reports and a comparison table (fragmentation, gang wait, utilisation).")
    private boolean compareTopology;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Scenario scenario;
        try {
            scenario = scenarioFile == null ? ScenarioLoader.loadDefault() : ScenarioLoader.load(scenarioFile);
        } catch (ScenarioException e) {
            spec.commandLine().getErr().println("stook simulate: " + e.getMessage());
            return SCENARIO_ERROR;
        }
        if (seed != null) {
            scenario = scenario.withSeed(seed);
        }
        boolean comparing = compare || compareFifo || compareLocality || compareTopology;
        if ((perPod ? 1 : 0) + (compare ? 1 : 0) + (compareFifo ? 1 : 0) + (compareLocality ? 1 : 0)
                + (compareTopology ? 1 : 0) > 1) {
            spec.commandLine().getErr().println("stook simulate: --per-pod, --compare-per-pod, --compare-fifo,"
                    + " --compare-locality and --compare-topology exclude each other");
            return CommandLine.ExitCode.USAGE;
        }
        if (metricsPort != null && comparing) {
            spec.commandLine().getErr().println("stook simulate: --metrics-port serves one run, not a comparison");
            return CommandLine.ExitCode.USAGE;
        }
        if (serve && (metricsPort != null || comparing)) {
            spec.commandLine().getErr().println("stook simulate: --serve shows one run: not with --metrics-port or a"
                    + " comparison");
            return CommandLine.ExitCode.USAGE;
        }
        if (!serve && (spec.commandLine().getParseResult().hasMatchedOption("--port")
                || spec.commandLine().getParseResult().hasMatchedOption("--speed"))) {
            spec.commandLine().getErr().println("stook simulate: --port and --speed need --serve");
            return CommandLine.ExitCode.USAGE;
        }
        if (serve && !(speed > 0)) {
            spec.commandLine().getErr().println("stook simulate: --speed must be above 0");
            return CommandLine.ExitCode.USAGE;
        }
        if (hold && metricsPort == null) {
            spec.commandLine().getErr().println("stook simulate: --hold needs --metrics-port");
            return CommandLine.ExitCode.USAGE;
        }
        PrintWriter out = spec.commandLine().getOut();
        SchedulerSettings settings = perPod ? PER_POD : SchedulerSettings.DEFAULTS;
        if (compareTopology) {
            if (scenario.tightestTopologyKey().isEmpty()) {
                spec.commandLine().getErr().println("stook simulate: --compare-topology needs a scenario whose node"
                        + " groups have a topology");
                return SCENARIO_ERROR;
            }
            TopologyComparison topology = TopologyComparison.run(scenario);
            out.print(ReportFormatter.format(topology.withTopology()));
            out.println();
            out.print(ReportFormatter.format(topology.without()));
            out.println();
            out.println("Gang topology comparison (same scenario and seed)");
            out.print(topology.format());
        } else if (compareLocality) {
            LocalityComparison comparison = LocalityComparison.run(scenario);
            for (SimulationReport report : List.of(comparison.stook(), comparison.noDelay(), comparison.blind())) {
                out.print(ReportFormatter.format(report));
                out.println();
            }
            out.println("Data locality comparison (same scenario and seed)");
            out.print(comparison.format());
        } else if (compareFifo) {
            SimulationReport stook = Simulator.run(scenario, SchedulerSettings.DEFAULTS, QueueSetup.SCENARIO);
            SimulationReport fifo = Simulator.run(scenario, SchedulerSettings.DEFAULTS, QueueSetup.FIFO_BASELINE);
            out.print(ReportFormatter.format(stook));
            out.println();
            out.print(ReportFormatter.format(fifo));
            out.println();
            out.println("Comparison with a FIFO single queue (same scenario and seed, shares judged against the"
                    + " scenario's queues)");
            out.print(QueueComparisonFormatter.format(stook, fifo));
        } else if (serve) {
            SimulationServer.run(scenario, settings, port, speed, out);
        } else if (metricsPort != null) {
            BuildInfo build = BuildInfo.current();
            try (StookMetrics metrics = new StookMetrics(build);
                 HealthServer server = HealthServer.plain(metricsPort, () -> true, build.fields())) {
                // The simulated scheduler is the only one deciding for its cluster: it leads throughout.
                metrics.leader(() -> true);
                server.serve("/metrics", metrics.scrapeHandler());
                server.start();
                out.println("serving metrics on http://localhost:" + server.port() + "/metrics");
                out.flush();
                out.print(ReportFormatter.format(Simulator.run(scenario, settings, QueueSetup.SCENARIO,
                        new SimulatedBinds(metrics))));
                if (hold) {
                    out.println("run finished; still serving metrics until killed");
                    out.flush();
                    new CountDownLatch(1).await();
                }
            }
        } else if (compare) {
            SimulationReport stook = Simulator.run(scenario, SchedulerSettings.DEFAULTS);
            SimulationReport baseline = Simulator.run(scenario, PER_POD);
            out.print(ReportFormatter.format(stook));
            out.println();
            out.print(ReportFormatter.format(baseline));
            out.println();
            out.println("Comparison (same scenario and seed)");
            out.print(ComparisonFormatter.format(stook, baseline));
        } else {
            out.print(ReportFormatter.format(Simulator.run(scenario, settings)));
        }
        out.flush();
        return 0;
    }
}
