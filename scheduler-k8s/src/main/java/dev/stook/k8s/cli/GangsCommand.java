package dev.stook.k8s.cli;

import dev.stook.k8s.ui.PendingUnitsPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code stook gangs [--queue Q]}: the pending gangs and lone pods the user may see, each with why it waits. */
@Command(name = "gangs", mixinStandardHelpOptions = true,
        description = "List the pending gangs and lone pods in namespaces where you may list pods, in queue order,"
                + " with their progress and why each waits; asked of the running scheduler with the kubeconfig"
                + " user's bearer token.")
final class GangsCommand implements Callable<Integer> {
    static final int UNAVAILABLE = 2;

    @Spec
    private CommandSpec spec;

    @Option(names = "--queue", paramLabel = "QUEUE", description = "Only this queue and the queues below it.")
    private String queue;

    @Mixin
    private SchedulerConnection connection;

    @Override
    public Integer call() {
        return OverviewFetch.fetch(connection, queue, "gangs", spec.commandLine().getErr()).map(overview -> {
            spec.commandLine().getOut().print(PendingUnitsPrinter.print(overview));
            spec.commandLine().getOut().flush();
            return 0;
        }).orElse(UNAVAILABLE);
    }
}
