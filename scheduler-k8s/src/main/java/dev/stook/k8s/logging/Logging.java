package dev.stook.k8s.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The process's one logging pipeline: Stook, fabric8, Micrometer and the JDK's own components (through
 * System.Logger) all log through SLF4J into Logback, which writes every line to stderr, as Kubernetes'
 * own components do, leaving stdout to the commands' reports.
 */
public final class Logging {
    private Logging() {
    }

    /** Replaces whatever logging was set up before with one appender in the given format and levels. */
    public static void configure(LogSettings settings) {
        configure((LoggerContext) LoggerFactory.getILoggerFactory(), settings);
    }

    static void configure(LoggerContext context, LogSettings settings) {
        context.reset();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("stderr");
        stderr.setTarget("System.err");
        stderr.setEncoder(LogEncoders.of(settings.format(), context));
        stderr.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(stderr);
        root.setLevel(settings.levels().root());
        for (Map.Entry<String, ch.qos.logback.classic.Level> entry : settings.levels().packages().entrySet()) {
            context.getLogger(entry.getKey()).setLevel(entry.getValue());
        }
    }
}
