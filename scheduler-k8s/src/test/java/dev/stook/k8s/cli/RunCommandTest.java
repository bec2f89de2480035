package dev.stook.k8s.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandTest {
    private final StringWriter err = new StringWriter();

    @Test
    void aBadConfigFileIsOneClearLineAndExitsNonZero(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scheduler.yaml");
        Files.writeString(file, "healthPort: -1\n");

        int exit = run("run", "--config", file.toString());

        assertThat(exit).isEqualTo(RunCommand.CONFIG_ERROR);
        assertThat(err.toString()).startsWith("stook run: " + file + ":1: healthPort: -1 is outside 0..65535")
                .hasLineCount(1);
    }

    @Test
    void aBadLogOptionIsOneClearLine() {
        assertThat(run("run", "--log-format", "xml")).isEqualTo(RunCommand.CONFIG_ERROR);
        assertThat(run("run", "--log-level", "dev.stook=loud")).isEqualTo(RunCommand.CONFIG_ERROR);

        assertThat(err.toString()).isEqualTo("""
                stook run: --log-format: log format "xml" is not text or json
                stook run: --log-level: log level: "loud" is not one of trace, debug, info, warn, error or off
                """);
    }

    @Test
    void aMissingKubeconfigFileIsOneClearLine(@TempDir Path dir) {
        Path missing = dir.resolve("kubeconfig");

        assertThat(run("run", "--kubeconfig", missing.toString())).isEqualTo(RunCommand.CONFIG_ERROR);

        assertThat(err.toString()).isEqualTo("stook run: " + missing + ": no such kubeconfig file: pass the path of an"
                + " existing kubeconfig to --kubeconfig\n");
    }

    @Test
    void anUnreachableApiServerIsOneClearLineAndExitsNonZero(@TempDir Path dir) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: c
                  cluster: {server: "https://127.0.0.1:%d", insecure-skip-tls-verify: true}
                users:
                - name: u
                  user: {token: abc}
                contexts:
                - name: x
                  context: {cluster: c, user: u}
                current-context: x
                """.formatted(closedPort));

        int exit = run("run", "--kubeconfig", kubeconfig.toString());

        assertThat(exit).isEqualTo(RunCommand.SETUP_ERROR);
        assertThat(err.toString()).startsWith("stook run: cannot reach the API server at https://127.0.0.1:" + closedPort
                        + "/ (ConnectException)")
                .endsWith(": check the server address in the kubeconfig and that the cluster is running\n")
                .hasLineCount(1);
    }

    private int run(String... args) {
        CommandLine cli = StookCommand.commandLine();
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
