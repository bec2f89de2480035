package dev.stook.k8s.startup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;

/**
 * One info line per start-up milestone, stamped with the time since the JVM started, so that where a fresh
 * process spends its first seconds (JVM start, checks, lease, cache sync, first cycle) reads off its log.
 */
public final class StartupLog {
    public static final String UPTIME_FIELD = "uptimeMillis";
    private static final Logger LOG = LoggerFactory.getLogger(StartupLog.class);

    private StartupLog() {
    }

    public static long uptimeMillis() {
        return ManagementFactory.getRuntimeMXBean().getUptime();
    }

    public static void reached(String milestone) {
        long uptime = uptimeMillis();
        LOG.atInfo().addKeyValue(UPTIME_FIELD, uptime).log("start-up: {} at {} ms", milestone, uptime);
    }
}
