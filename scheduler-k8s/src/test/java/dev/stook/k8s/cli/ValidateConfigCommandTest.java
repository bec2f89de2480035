package dev.stook.k8s.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateConfigCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int validate(Path file) {
        CommandLine cli = StookCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute("validate-config", file.toString());
    }

    @Test
    void aGoodConfigIsSummarised(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("queues.yaml");
        Files.writeString(file, "queues:\n  - name: a\n    children: [{name: b}, {name: c}]\nplacement: [{queue: a.b}]\n");

        assertThat(validate(file)).isZero();
        assertThat(out.toString().strip()).isEqualTo(file + ": valid, 3 queues (2 leaves), 1 placement rules");
    }

    @Test
    void everyProblemIsPrintedWithItsLineAndTheExitIsNonZero(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("queues.yaml");
        Files.writeString(file, "queues:\n  - name: a\n    weight: -1\n  - name: a\n");

        assertThat(validate(file)).isEqualTo(ValidateConfigCommand.INVALID);
        assertThat(err.toString().lines()).containsExactly(
                file + ":3: queue a: weight \"-1\" must be a number above 0 and at most 1000000",
                file + ":4: duplicate queue name \"a\" under the top level");
    }

    @Test
    void aMissingFileIsReported(@TempDir Path dir) {
        assertThat(validate(dir.resolve("absent.yaml"))).isEqualTo(ValidateConfigCommand.UNREADABLE);
        assertThat(err.toString()).startsWith("stook validate-config: cannot read ");
    }
}
