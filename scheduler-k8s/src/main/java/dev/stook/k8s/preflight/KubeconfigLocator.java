package dev.stook.k8s.preflight;

import dev.stook.core.model.InputText;
import io.fabric8.kubernetes.client.Config;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Where the cluster's address and credentials come from, as kubectl finds them: the file given, else the
 * ServiceAccount of the pod Stook runs in, else {@code $KUBECONFIG}, else {@code ~/.kube/config}. Finding
 * none is a problem to report, not a reason to try {@code https://kubernetes.default.svc} from a laptop.
 */
public final class KubeconfigLocator {
    static final String IN_CLUSTER_ENV = "KUBERNETES_SERVICE_HOST";
    static final String KUBECONFIG_ENV = "KUBECONFIG";
    private static final int MESSAGE_LENGTH = 200;

    private KubeconfigLocator() {
    }

    /**
     * @param explicit the {@code --kubeconfig} file, or null
     * @throws SetupProblem if there is no configuration, or the one given cannot be read
     */
    public static Config locate(Path explicit, Map<String, String> env, Path home) {
        if (explicit != null) {
            return fromFile(explicit);
        }
        boolean found = env.containsKey(IN_CLUSTER_ENV)
                || Arrays.stream(env.getOrDefault(KUBECONFIG_ENV, "").split(File.pathSeparator))
                        .anyMatch(file -> !file.isBlank() && Files.isRegularFile(Path.of(file)))
                || Files.isRegularFile(home.resolve(".kube").resolve("config"));
        if (!found) {
            throw new SetupProblem("no kubeconfig: pass --kubeconfig FILE, set KUBECONFIG, or create ~/.kube/config"
                    + " (inside a cluster Stook uses its pod's ServiceAccount)");
        }
        return Config.autoConfigure(null);
    }

    private static Config fromFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SetupProblem(file + ": no such kubeconfig file: pass the path of an existing kubeconfig to"
                    + " --kubeconfig");
        }
        try {
            return Config.fromKubeconfig(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            // RuntimeException: whatever fabric8's parser throws at a malformed file
            throw new SetupProblem(file + ": not a usable kubeconfig (" + InputText.escape(String.valueOf(e.getMessage()),
                    MESSAGE_LENGTH) + "): check it with kubectl --kubeconfig " + file + " version");
        }
    }
}
