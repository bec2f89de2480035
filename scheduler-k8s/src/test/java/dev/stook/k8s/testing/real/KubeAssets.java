package dev.stook.k8s.testing.real;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The folder of control plane binaries, from {@code KUBEBUILDER_ASSETS} as envtest and setup-envtest name
 * it: kube-apiserver and etcd always, kube-controller-manager and kube-scheduler for the tests that use them.
 */
public final class KubeAssets {
    public static final String VARIABLE = "KUBEBUILDER_ASSETS";
    private static final List<String> REQUIRED = List.of("etcd", "kube-apiserver");

    private KubeAssets() {
    }

    /** The folder, if the variable names one that holds the required binaries. */
    public static Optional<Path> folder() {
        String value = System.getenv(VARIABLE);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Path folder = Path.of(value);
        return REQUIRED.stream().allMatch(b -> Files.isExecutable(folder.resolve(b))) ? Optional.of(folder)
                : Optional.empty();
    }

    /** Why the real-server tests cannot run here, or empty when they can. */
    public static Optional<String> unavailableReason() {
        String value = System.getenv(VARIABLE);
        if (value == null || value.isBlank()) {
            return Optional.of(VARIABLE + " is not set (see README, 'Test tiers')");
        }
        return folder().isPresent() ? Optional.empty()
                : Optional.of(VARIABLE + "=" + value + " lacks an executable etcd or kube-apiserver");
    }

    static Path binary(String name) {
        Path path = folder().orElseThrow(() -> new IllegalStateException(unavailableReason().orElseThrow()))
                .resolve(name);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("no executable " + path);
        }
        return path;
    }
}
