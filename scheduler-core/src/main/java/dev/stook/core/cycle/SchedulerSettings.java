package dev.stook.core.cycle;

/**
 * The engine's tunables.
 *
 * @param gangAdmission     admit gangs all-or-nothing; false places every pod on its own, as kube-scheduler does
 *                          (the baseline Stook is compared with)
 * @param starvationMillis  after waiting this long, a unit that does not fit has capacity held for it as it frees
 * @param gangSettleMillis  a gang that does not declare its minimum is tried once no member arrived for this long
 * @param localityWaitMillis delay scheduling: a unit whose best placement reads less than
 *                          {@code localityThreshold} of its bytes locally may wait this long for a better
 *                          one, when some node it could use holds more of its data; 0 never waits
 * @param localityThreshold the share of bytes read locally (0 to 1) that is good enough not to wait
 * @param sparkHoldMillis   a Spark driver's executor holds not taken this long after its admission are released
 */
public record SchedulerSettings(boolean gangAdmission, long starvationMillis, long gangSettleMillis,
                                long localityWaitMillis, double localityThreshold, long sparkHoldMillis) {
    public static final long DEFAULT_LOCALITY_WAIT_MILLIS = 3_000;
    public static final double DEFAULT_LOCALITY_THRESHOLD = 0.8;
    public static final long DEFAULT_SPARK_HOLD_MILLIS = 600_000;
    public static final SchedulerSettings DEFAULTS = new SchedulerSettings(true, 300_000, 1_000);

    public SchedulerSettings {
        if (starvationMillis <= 0 || gangSettleMillis < 0) {
            throw new IllegalArgumentException("starvation timeout must be positive and gang settle time not negative");
        }
        if (localityWaitMillis < 0 || !(localityThreshold >= 0 && localityThreshold <= 1)) {
            throw new IllegalArgumentException("locality wait must not be negative and locality threshold is from 0 to 1");
        }
        if (sparkHoldMillis <= 0) {
            throw new IllegalArgumentException("spark hold timeout must be positive");
        }
    }

    public SchedulerSettings(boolean gangAdmission, long starvationMillis, long gangSettleMillis) {
        this(gangAdmission, starvationMillis, gangSettleMillis, DEFAULT_LOCALITY_WAIT_MILLIS, DEFAULT_LOCALITY_THRESHOLD,
                DEFAULT_SPARK_HOLD_MILLIS);
    }

    public SchedulerSettings withGangAdmission(boolean enabled) {
        return new SchedulerSettings(enabled, starvationMillis, gangSettleMillis, localityWaitMillis, localityThreshold, sparkHoldMillis);
    }

    public SchedulerSettings withStarvationMillis(long millis) {
        return new SchedulerSettings(gangAdmission, millis, gangSettleMillis, localityWaitMillis, localityThreshold, sparkHoldMillis);
    }

    public SchedulerSettings withLocalityWait(long millis, double threshold) {
        return new SchedulerSettings(gangAdmission, starvationMillis, gangSettleMillis, millis, threshold, sparkHoldMillis);
    }

    public SchedulerSettings withSparkHoldMillis(long millis) {
        return new SchedulerSettings(gangAdmission, starvationMillis, gangSettleMillis, localityWaitMillis,
                localityThreshold, millis);
    }
}
