package dev.stook.k8s.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;

/** The encoder that writes a line of each {@link LogFormat}. */
public final class LogEncoders {
    /** Time in UTC, level, thread, logger, message, then the structured fields as {@code key="value"}. */
    static final String TEXT_PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC} %-5level [%thread] %logger{36}: %msg%replace( %kvp){'^ $', ''}%n";

    private LogEncoders() {
    }

    /** A started encoder for the format. */
    public static Encoder<ILoggingEvent> of(LogFormat format, LoggerContext context) {
        Encoder<ILoggingEvent> encoder = switch (format) {
            case TEXT -> text();
            case JSON -> json();
        };
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> text() {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setPattern(TEXT_PATTERN);
        return encoder;
    }

    /**
     * Logback's own JSON lines: timestamp (epoch ms), level, threadName, loggerName, mdc, kvpList (the
     * structured fields), formattedMessage and throwable. Its raw message template, arguments, sequence
     * numbers and context are left out: they repeat what the other fields say.
     */
    private static Encoder<ILoggingEvent> json() {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setWithSequenceNumber(false);
        encoder.setWithNanoseconds(false);
        encoder.setWithContext(false);
        encoder.setWithMessage(false);
        encoder.setWithFormattedMessage(true);
        encoder.setWithArguments(false);
        return encoder;
    }
}
