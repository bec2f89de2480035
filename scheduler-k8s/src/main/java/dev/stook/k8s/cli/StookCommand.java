package dev.stook.k8s.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code stook} command line; each job (run, simulate, validate-config, explain) is a subcommand. */
@Command(name = "stook", mixinStandardHelpOptions = true, version = "stook 0.1.0",
        description = "A Kubernetes scheduler for batch work: gangs, fair-share queues, data locality.",
        subcommands = {RunCommand.class, SimulateCommand.class, ValidateConfigCommand.class, ExplainCommand.class,
                CommandLine.HelpCommand.class})
public final class StookCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
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
