package dev.stook.k8s.logging;

import ch.qos.logback.classic.Level;
import dev.stook.core.model.InputText;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The level of each logger, read from one comma-separated setting: a bare level sets every logger, a
 * {@code package=level} pair one package and those below it; later entries win. Example:
 * {@code info,dev.stook=debug,io.fabric8=warn}.
 */
public record LogLevels(Level root, Map<String, Level> packages) {
    public static final LogLevels DEFAULT = new LogLevels(Level.INFO, Map.of());
    private static final String LEVEL_NAMES = "trace, debug, info, warn, error or off";

    public LogLevels {
        packages = Map.copyOf(packages);
    }

    public static LogLevels parse(String text) {
        Level root = DEFAULT.root();
        Map<String, Level> packages = new LinkedHashMap<>();
        for (String entry : text.split(",", -1)) {
            String item = entry.strip();
            int equals = item.indexOf('=');
            if (equals < 0) {
                root = level(item);
                continue;
            }
            String name = item.substring(0, equals).strip();
            if (!name.matches("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*")) {
                throw new IllegalArgumentException("log level: " + InputText.quote(name)
                        + " is not a package or logger name");
            }
            packages.put(name, level(item.substring(equals + 1)));
        }
        return new LogLevels(root, packages);
    }

    private static Level level(String text) {
        String name = text.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "trace" -> Level.TRACE;
            case "debug" -> Level.DEBUG;
            case "info" -> Level.INFO;
            case "warn", "warning" -> Level.WARN;
            case "error" -> Level.ERROR;
            case "off" -> Level.OFF;
            default -> throw new IllegalArgumentException("log level: " + InputText.quote(text.strip())
                    + " is not one of " + LEVEL_NAMES);
        };
    }
}
