package dev.stook.k8s.bench;

import dev.stook.k8s.cli.StookCommand;
import dev.stook.k8s.testing.real.ControlPlane;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code stook run} in a JVM of its own, as a user starts it: from the test's class path or a packaged jar,
 * with the given JVM options, default settings but for Stook's namespace and the log level. Closing it stops
 * the process and prints its start-up milestones.
 */
final class StookProcess implements AutoCloseable {
    private final String label;
    private final Process process;
    private final Path settings;
    private final Path log;

    StookProcess(ControlPlane plane, String namespace, StookVariant variant, String logLevel) throws IOException {
        this.label = variant.label();
        settings = Files.createTempFile("stook-bench", ".yaml");
        Files.writeString(settings, "namespace: " + namespace + "\nhealthPort: 0\n");
        log = Files.createTempFile("stook-bench", ".log");
        List<String> command = new ArrayList<>(List.of(variant.java()));
        if (!variant.jvmOptions().isBlank()) {
            command.addAll(List.of(variant.jvmOptions().trim().split("\\s+")));
        }
        command.addAll(variant.jar().isEmpty()
                ? List.of("-cp", System.getProperty("java.class.path"), StookCommand.class.getName())
                : List.of("-jar", variant.jar()));
        command.addAll(List.of("run", "--kubeconfig", plane.stookKubeconfig().toString(), "--config", settings.toString(),
                "--log-level", logLevel));
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    long pid() {
        return process.pid();
    }

    /** Waits until a line of the log contains the text; false if the process ended or time ran out first. */
    boolean awaitLog(String text, Duration patience) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try (Stream<String> lines = Files.lines(log)) {
                if (lines.anyMatch(line -> line.contains(text))) {
                    return true;
                }
            }
            Thread.sleep(50);
        }
        return false;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
        try (Stream<String> lines = Files.lines(log)) {
            lines.filter(line -> line.contains("start-up:")).forEach(line -> System.out.println("    " + label + ": " + line));
        }
        Files.deleteIfExists(settings);
        Files.deleteIfExists(log);
    }
}
