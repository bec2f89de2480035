package dev.stook.k8s.cli;

import dev.stook.core.cycle.SchedulerSettings;
import dev.stook.sim.ComparisonFormatter;
import dev.stook.sim.LocalityComparison;
import dev.stook.sim.ReportFormatter;
import dev.stook.sim.Scenario;
import dev.stook.sim.ScenarioException;
import dev.stook.sim.ScenarioLoader;
import dev.stook.sim.SimulationReport;
import dev.stook.sim.Simulator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

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

    @Option(names = "--compare-locality",
            description = "Run the scenario three times with the same seed: Stook, Stook without delay scheduling,"
                    + " and the locality-blind baseline (Locality weight 0); print the three reports and a"
                    + " comparison table.")
    private boolean compareLocality;

    @Override
    public Integer call() {
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
        if ((perPod ? 1 : 0) + (compare ? 1 : 0) + (compareLocality ? 1 : 0) > 1) {
            spec.commandLine().getErr().println(
                    "stook simulate: --per-pod, --compare-per-pod and --compare-locality exclude each other");
            return CommandLine.ExitCode.USAGE;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (compareLocality) {
            LocalityComparison comparison = LocalityComparison.run(scenario);
            for (SimulationReport report : new SimulationReport[] {comparison.stook(), comparison.noDelay(), comparison.blind()}) {
                out.print(ReportFormatter.format(report));
                out.println();
            }
            out.println("Data locality comparison (same scenario and seed)");
            out.print(comparison.format());
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
            out.print(ReportFormatter.format(Simulator.run(scenario, perPod ? PER_POD : SchedulerSettings.DEFAULTS)));
        }
        out.flush();
        return 0;
    }
}
