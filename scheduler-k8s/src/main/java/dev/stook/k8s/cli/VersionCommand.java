package dev.stook.k8s.cli;

import dev.stook.k8s.version.BuildInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code stook version}: version, commit, build time and Java version, on one line. */
@Command(name = "version", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "Print the version, the commit it was built from, the build time and the Java version.")
final class VersionCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().getOut().println(BuildInfo.current().describe());
    }
}
