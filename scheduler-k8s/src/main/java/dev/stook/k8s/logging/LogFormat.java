package dev.stook.k8s.logging;

import dev.stook.core.model.InputText;

import java.util.Locale;

/** How each log line is written: for a person reading a terminal, or one JSON object per line for a log pipeline. */
public enum LogFormat {
    TEXT,
    JSON;

    public static LogFormat parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "text" -> TEXT;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException("log format " + InputText.quote(text) + " is not text or json");
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
