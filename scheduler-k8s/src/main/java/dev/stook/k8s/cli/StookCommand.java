package dev.stook.k8s.cli;

import dev.stook.k8s.logging.LogFormat;
import dev.stook.k8s.logging.LogLevels;
import dev.stook.k8s.logging.LogSettings;
import dev.stook.k8s.logging.Logging;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code stook} command line; each job (run, simulate, validate-config, explain, queues, gangs, version) is a subcommand.
 * Only warnings and errors are logged (to stderr) unless {@code stook run} sets its own levels.
 */
@Command(name = "stook", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "A Kubernetes scheduler for batch work: gangs, fair-share queues, data locality.",
        subcommands = {RunCommand.class, SimulateCommand.class, ValidateConfigCommand.class, ExplainCommand.class,
                QueuesCommand.class, GangsCommand.class, VersionCommand.class, CommandLine.HelpCommand.class})
public final class StookCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        Logging.configure(new LogSettings(LogFormat.TEXT, LogLevels.parse("warn")));
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new StookCommand());
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }
}
