package dev.stook.k8s.cli;

import dev.stook.k8s.ui.QueueTreePrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code stook queues}: the queue tree with each queue's shares, from the running scheduler. */
@Command(name = "queues", mixinStandardHelpOptions = true,
        description = "Show the queue tree: per queue its pending pods and, per resource, what it holds, its fair"
                + " share, guarantee and cap, and whom it borrows from; asked of the running scheduler with the"
                + " kubeconfig user's bearer token.")
final class QueuesCommand implements Callable<Integer> {
    static final int UNAVAILABLE = 2;

    @Spec
    private CommandSpec spec;

    @Mixin
    private SchedulerConnection connection;

    @Override
    public Integer call() {
        return OverviewFetch.fetch(connection, null, "queues", spec.commandLine().getErr()).map(overview -> {
            spec.commandLine().getOut().print(QueueTreePrinter.print(overview));
            spec.commandLine().getOut().flush();
            return 0;
        }).orElse(UNAVAILABLE);
    }
}
