package dev.stook.k8s.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class VersionCommandTest {
    /** Version from the POM, commit from git (or "unknown" outside a checkout), build time in UTC, the running Java. */
    private static final String LINE = "stook \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(commit ([0-9a-f]{7,}|unknown), built "
            + "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ, Java " + Pattern.quote(Runtime.version().toString())
            + "\\)\n";

    @Test
    void versionPrintsOneLineNamingVersionCommitBuildTimeAndJava() {
        assertThat(output("version")).matches(LINE);
    }

    @Test
    void theVersionOptionPrintsTheSameLine() {
        assertThat(output("--version")).isEqualTo(output("version"));
    }

    private static String output(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = StookCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        assertThat(cli.execute(args)).isZero();
        return out.toString();
    }
}
