package dev.stook.k8s.cli;

import dev.stook.core.queue.QueueConfig;
import dev.stook.core.queue.QueueConfigException;
import dev.stook.core.queue.QueueConfigParser;
import dev.stook.core.queue.QueueDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code stook validate-config FILE}: checks a {@code queues.yaml} the way the scheduler will, before it is applied. */
@Command(name = "validate-config", mixinStandardHelpOptions = true,
        description = "Check a queue config (the queues.yaml of the stook-queues ConfigMap); lists every problem with its line.")
public final class ValidateConfigCommand implements Callable<Integer> {
    static final int INVALID = 1;
    static final int UNREADABLE = 2;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the queues.yaml to check")
    private Path file;

    @Override
    public Integer call() {
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            spec.commandLine().getErr().println("stook validate-config: cannot read " + file + ": " + e.getMessage());
            return UNREADABLE;
        }
        try {
            QueueConfig config = QueueConfigParser.parse(yaml);
            long leaves = config.all().stream().filter(QueueDefinition::isLeaf).count();
            spec.commandLine().getOut().println(file + ": valid, " + config.all().size() + " queues (" + leaves
                    + " leaves), " + config.placement().size() + " placement rules");
            return 0;
        } catch (QueueConfigException e) {
            for (String error : e.errors()) {
                spec.commandLine().getErr().println(file + ":" + error.replaceFirst("^line ", ""));
            }
            return INVALID;
        }
    }
}
