package dev.stook.k8s.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandTest {
    @Test
    void aBadConfigFileIsOneClearLineAndExitsNonZero(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("scheduler.yaml");
        Files.writeString(file, "healthPort: -1\n");
        StringWriter err = new StringWriter();
        CommandLine cli = StookCommand.commandLine();
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("run", "--config", file.toString());

        assertThat(exit).isEqualTo(RunCommand.CONFIG_ERROR);
        assertThat(err.toString()).startsWith("stook run: " + file + ":1: healthPort: -1 is outside 0..65535")
                .hasLineCount(1);
    }
}
