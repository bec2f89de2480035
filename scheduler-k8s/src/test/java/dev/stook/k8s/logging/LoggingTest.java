package dev.stook.k8s.logging;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoggingTest {
    private final LoggerContext context = new LoggerContext();

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void eachPackageGetsItsLevelAndEveryLoggerTheOneAppender() {
        Logging.configure(context, new LogSettings(LogFormat.JSON, LogLevels.parse("warn,dev.stook=debug")));

        assertThat(context.getLogger("dev.stook.k8s.loop.SchedulingLoop").isDebugEnabled()).isTrue();
        assertThat(context.getLogger("io.fabric8.kubernetes.client.informers").isInfoEnabled()).isFalse();
        assertThat(context.getLogger("io.fabric8.kubernetes.client.informers").isWarnEnabled()).isTrue();
        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("stderr")).isNotNull();
    }

    @Test
    void configuringAgainReplacesTheLevelsSetBefore() {
        Logging.configure(context, new LogSettings(LogFormat.TEXT, LogLevels.parse("dev.stook=debug")));
        Logging.configure(context, LogSettings.DEFAULTS);

        assertThat(context.getLogger("dev.stook.k8s.loop.SchedulingLoop").isDebugEnabled()).isFalse();
        assertThat(context.getLogger("dev.stook.k8s.loop.SchedulingLoop").isInfoEnabled()).isTrue();
    }
}
