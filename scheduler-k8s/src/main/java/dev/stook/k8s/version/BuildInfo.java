package dev.stook.k8s.version;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What this build of Stook is: its version, the commit it was built from, when it was built (UTC), and the
 * Java runtime it runs on. Maven writes the first three into {@code build.properties} beside this class.
 */
public record BuildInfo(String version, String commit, String buildTime, String javaVersion) {
    private static final String RESOURCE = "build.properties";
    private static final String UNKNOWN = "unknown";

    /** This build, running on this JVM. */
    public static BuildInfo current() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new BuildInfo(properties.getProperty("version", UNKNOWN), properties.getProperty("commit", UNKNOWN),
                properties.getProperty("buildTime", UNKNOWN), Runtime.version().toString());
    }

    /** One line, as {@code stook version} prints it. */
    public String describe() {
        return "stook " + version + " (commit " + commit + ", built " + buildTime + ", Java " + javaVersion + ")";
    }

    /** The same facts by name, in a stable order: the labels of {@code stook_build_info}, the details of /healthz. */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("version", version);
        fields.put("commit", commit);
        fields.put("build_time", buildTime);
        fields.put("java_version", javaVersion);
        return fields;
    }
}
