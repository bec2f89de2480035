package dev.stook.k8s.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * One Stook build and JVM to benchmark, from {@code -Dbench.stookVariants}: entries separated by {@code ;}, each
 * {@code label|jar|JVM options} with an optional {@code |java} after. An empty jar runs the test's class path
 * (the code under test), a jar path a packaged {@code stook.jar} (another commit, or class data sharing, which
 * needs jars); the options go before {@code -jar}/{@code -cp}; {@code java} is the launcher to run (another
 * JDK), the test's own when left out.
 */
record StookVariant(String label, String jar, String jvmOptions, String java) {
    private static final String PROPERTY = "bench.stookVariants";

    /** The variants the property names; the test's class path with no options when it is unset. */
    static List<StookVariant> fromProperty() {
        return Arrays.stream(System.getProperty(PROPERTY, "class path||").split(";")).map(StookVariant::parse).toList();
    }

    private static StookVariant parse(String entry) {
        String[] parts = entry.split("\\|", -1);
        if (parts.length != 3 && parts.length != 4) {
            throw new IllegalArgumentException(PROPERTY + " entry '" + entry + "' is not label|jar|JVM options[|java]");
        }
        String ownJava = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new StookVariant(parts[0], parts[1], parts[2], parts.length == 4 && !parts[3].isBlank() ? parts[3] : ownJava);
    }
}
