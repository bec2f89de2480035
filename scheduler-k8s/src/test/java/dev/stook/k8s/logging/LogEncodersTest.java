package dev.stook.k8s.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class LogEncodersTest {
    private final LoggerContext context = new LoggerContext();

    LogEncodersTest() {
        context.setMDCAdapter(new LogbackMDCAdapter());
    }
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void aJsonLineParsesBackWithLevelLoggerMessageFieldsAndError() {
        Logger logger = loggerWriting(LogFormat.JSON);

        logger.atWarn().addKeyValue(LogFields.POD, "work/train-7").addKeyValue(LogFields.NODE, "n1")
                .setCause(new IllegalStateException("socket closed"))
                .log("binding failed ({}); attempt {}", "timeout", 2);
        logger.info("second \"line\"\nwith a break");

        String[] lines = written.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(2);
        JsonNode line = JsonMapper.builder().build().readTree(lines[0]);
        assertThat(line.get("level").asString()).isEqualTo("WARN");
        assertThat(line.get("loggerName").asString()).isEqualTo("dev.stook.k8s.loop.SchedulingLoop");
        assertThat(line.get("formattedMessage").asString()).isEqualTo("binding failed (timeout); attempt 2");
        assertThat(line.get("timestamp").asLong()).isPositive();
        assertThat(line.get("kvpList").valueStream().map(JsonNode::toString))
                .containsExactly("{\"pod\":\"work/train-7\"}", "{\"node\":\"n1\"}");
        assertThat(line.get("throwable").get("className").asString()).isEqualTo(IllegalStateException.class.getName());
        assertThat(line.get("throwable").get("message").asString()).isEqualTo("socket closed");
        assertThat(JsonMapper.builder().build().readTree(lines[1]).get("formattedMessage").asString())
                .isEqualTo("second \"line\"\nwith a break");
    }

    @Test
    void aTextLineEndsWithTheFieldsAsKeyValuePairs() {
        Logger logger = loggerWriting(LogFormat.TEXT);

        logger.atWarn().addKeyValue(LogFields.POD, "work/train-7").addKeyValue(LogFields.NODE, "n1")
                .log("binding failed");
        logger.info("state rebuilt");

        assertThat(written.toString(StandardCharsets.UTF_8).split("\n"))
                .satisfiesExactly(
                        first -> assertThat(first)
                                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z WARN  \\[.+] "
                                        + "dev\\.stook\\.k8s\\.loop\\.SchedulingLoop: binding failed pod=\"work/train-7\" node=\"n1\""),
                        second -> assertThat(second).endsWith("SchedulingLoop: state rebuilt"));
    }

    private Logger loggerWriting(LogFormat format) {
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(LogEncoders.of(format, context));
        appender.setOutputStream(written);
        appender.start();
        Logger logger = context.getLogger("dev.stook.k8s.loop.SchedulingLoop");
        logger.addAppender(appender);
        return logger;
    }
}
