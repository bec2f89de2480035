package dev.stook.k8s.preflight;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubeconfigLocatorTest {
    private static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: c
              cluster: {server: "https://127.0.0.1:6443"}
            users:
            - name: u
              user: {token: abc}
            contexts:
            - name: x
              context: {cluster: c, user: u}
            current-context: x
            """;

    @TempDir
    Path home;

    @Test
    void withNoKubeconfigAnywhereAndOutsideAClusterItSaysWhatToDo() {
        assertThatThrownBy(() -> KubeconfigLocator.locate(null, Map.of(), home))
                .isInstanceOf(SetupProblem.class)
                .hasMessage("no kubeconfig: pass --kubeconfig FILE, set KUBECONFIG, or create ~/.kube/config"
                        + " (inside a cluster Stook uses its pod's ServiceAccount)");
    }

    @Test
    void aKubeconfigVariableNamingOnlyMissingFilesIsNoKubeconfig() {
        Map<String, String> env = Map.of(KubeconfigLocator.KUBECONFIG_ENV, home.resolve("gone").toString());

        assertThatThrownBy(() -> KubeconfigLocator.locate(null, env, home)).hasMessageStartingWith("no kubeconfig:");
    }

    @Test
    void aGivenFileThatDoesNotExistIsNamed() {
        Path missing = home.resolve("cluster.yaml");

        assertThatThrownBy(() -> KubeconfigLocator.locate(missing, Map.of(), home))
                .isInstanceOf(SetupProblem.class)
                .hasMessage(missing + ": no such kubeconfig file: pass the path of an existing kubeconfig to --kubeconfig");
    }

    @Test
    void aGivenFileThatIsNoKubeconfigIsNamed() throws Exception {
        Path garbage = Files.writeString(home.resolve("cluster.yaml"), "clusters: [ {\n");

        assertThatThrownBy(() -> KubeconfigLocator.locate(garbage, Map.of(), home))
                .isInstanceOf(SetupProblem.class)
                .hasMessageStartingWith(garbage + ": not a usable kubeconfig (")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aGivenFileIsRead() throws Exception {
        Path file = Files.writeString(home.resolve("cluster.yaml"), KUBECONFIG);

        assertThat(KubeconfigLocator.locate(file, Map.of(), home).getMasterUrl()).startsWith("https://127.0.0.1:6443");
    }
}
