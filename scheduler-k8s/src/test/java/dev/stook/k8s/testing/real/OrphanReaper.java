package dev.stook.k8s.testing.real;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Stops what a control plane left running when its JVM died without closing it (a killed test fork):
 * every control plane folder names the JVM that owns it, and each process in it has a pid file. A folder
 * whose owner is gone has its processes killed (only if the pid still runs one of the control plane's
 * binaries) and is removed.
 */
final class OrphanReaper {
    static final String FOLDER_PREFIX = "stook-control-plane-";
    static final String OWNER_FILE = "owner.pid";
    private static final List<String> BINARIES = List.of("etcd", "kube-apiserver", "kube-controller-manager",
            "kube-scheduler");

    private OrphanReaper() {
    }

    static void reapUnder(Path base) {
        try (Stream<Path> folders = Files.list(base)) {
            folders.filter(f -> f.getFileName().toString().startsWith(FOLDER_PREFIX))
                    .filter(OrphanReaper::ownerIsGone)
                    .forEach(OrphanReaper::reap);
        } catch (IOException ignored) {
            // nothing to reap
        }
    }

    private static boolean ownerIsGone(Path folder) {
        return readPid(folder.resolve(OWNER_FILE)).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).isEmpty();
    }

    private static void reap(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(f -> f.getFileName().toString().endsWith(".pid") && !f.endsWith(OWNER_FILE))
                    .map(OrphanReaper::readPid).flatMap(Optional::stream)
                    .flatMap(pid -> ProcessHandle.of(pid).stream())
                    .filter(OrphanReaper::runsAControlPlaneBinary)
                    .forEach(ProcessHandle::destroyForcibly);
        } catch (IOException ignored) {
            // removed meanwhile
        }
        deleteTree(folder);
    }

    private static boolean runsAControlPlaneBinary(ProcessHandle process) {
        return process.info().command().map(c -> Path.of(c).getFileName().toString()).filter(BINARIES::contains)
                .isPresent();
    }

    private static Optional<Long> readPid(Path file) {
        try {
            return Optional.of(Long.parseLong(Files.readString(file).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static void deleteTree(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // already gone
        }
    }
}
