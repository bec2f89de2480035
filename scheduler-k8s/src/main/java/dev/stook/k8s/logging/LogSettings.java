package dev.stook.k8s.logging;

import java.util.Objects;

/** What {@code stook run} logs and how: the line format and the level per package. */
public record LogSettings(LogFormat format, LogLevels levels) {
    public static final LogSettings DEFAULTS = new LogSettings(LogFormat.TEXT, LogLevels.DEFAULT);

    public LogSettings {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(levels, "levels");
    }
}
