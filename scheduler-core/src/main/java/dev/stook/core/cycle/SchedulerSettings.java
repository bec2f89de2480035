package dev.stook.core.cycle;

/**
 * The engine's tunables.
 *
 * @param gangAdmission     admit gangs all-or-nothing; false places every pod on its own, as kube-scheduler does
 *                          (the baseline Stook is compared with)
 * @param starvationMillis  after waiting this long, a unit that does not fit has capacity held for it as it frees
 * @param gangSettleMillis  a gang that does not declare its minimum is tried once no member arrived for this long
 */
public record SchedulerSettings(boolean gangAdmission, long starvationMillis, long gangSettleMillis) {
    public static final SchedulerSettings DEFAULTS = new SchedulerSettings(true, 300_000, 1_000);

    public SchedulerSettings {
        if (starvationMillis <= 0 || gangSettleMillis < 0) {
            throw new IllegalArgumentException("starvation timeout must be positive and gang settle time not negative");
        }
    }

    public SchedulerSettings withGangAdmission(boolean enabled) {
        return new SchedulerSettings(enabled, starvationMillis, gangSettleMillis);
    }

    public SchedulerSettings withStarvationMillis(long millis) {
        return new SchedulerSettings(gangAdmission, millis, gangSettleMillis);
    }
}
