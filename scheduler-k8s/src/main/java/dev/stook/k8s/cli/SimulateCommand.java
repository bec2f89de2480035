package dev.stook.k8s.cli;

import dev.stook.sim.ReportFormatter;
import dev.stook.sim.Scenario;
import dev.stook.sim.ScenarioException;
import dev.stook.sim.ScenarioLoader;
import dev.stook.sim.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code stook simulate}: runs the scheduling engine against a scenario in virtual time and prints a report. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run the scheduler against a simulated cluster and workload, in virtual time.")
final class SimulateCommand implements Callable<Integer> {
    static final int SCENARIO_ERROR = 1;

    @Spec
    private CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Scenario YAML file (default: the embedded default scenario).")
    private Path scenarioFile;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed, overriding the scenario's.")
    private Long seed;

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
        spec.commandLine().getOut().print(ReportFormatter.format(Simulator.run(scenario)));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
