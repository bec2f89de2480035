package dev.stook.k8s.testing.real;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One child process of the control plane: started with its output in a log file, its pid written to a
 * file so {@link OrphanReaper} can find it if this JVM dies, and stopped by pid, gently first.
 */
final class LocalProcess implements AutoCloseable {
    private static final long GRACE_SECONDS = 10;

    private final String name;
    private final Process process;
    private final Path log;
    private final Path pidFile;

    private LocalProcess(String name, Process process, Path log, Path pidFile) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.pidFile = pidFile;
    }

    static LocalProcess start(String name, Path folder, List<String> command) throws IOException {
        Path log = folder.resolve(name + ".log");
        Process process = new ProcessBuilder(command).directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        Path pidFile = folder.resolve(name + ".pid");
        Files.writeString(pidFile, Long.toString(process.pid()));
        return new LocalProcess(name, process, log, pidFile);
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines of its log, to say why it did not come up. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(GRACE_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // the folder is removed with the control plane
        }
    }
}
