package dev.stook.k8s.cli;

import dev.stook.k8s.version.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** What {@code --version} prints on every command: the same line as {@code stook version}. */
final class BuildVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {BuildInfo.current().describe()};
    }
}
