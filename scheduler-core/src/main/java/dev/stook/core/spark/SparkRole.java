package dev.stook.core.spark;

import dev.stook.core.model.PodId;
import dev.stook.core.model.Resources;

import java.util.Objects;

/** What a pod is to a Spark application whose driver asks Stook to hold its executors' capacity. */
public sealed interface SparkRole {
    /**
     * A driver asking for {@code executors} executors' capacity to be held when it is admitted.
     *
     * @param app              its {@code spark-app-selector}, or null
     * @param executorRequests what one executor asks for
     */
    record Driver(String app, int executors, Resources executorRequests) implements SparkRole {
        public Driver {
            Objects.requireNonNull(executorRequests, "executorRequests");
            if (executors < 1) {
                throw new IllegalArgumentException("a driver holds at least one executor");
            }
        }
    }

    /**
     * An executor: of the driver pod {@code driverName} (its owner reference) or of the application {@code app}
     * (its {@code spark-app-selector}); at least one of them is known.
     */
    record Executor(String app, String driverName) implements SparkRole {
        public Executor {
            if (app == null && driverName == null) {
                throw new IllegalArgumentException("an executor names its driver or its application");
            }
        }

        /** Whether the driver's holds are this executor's to take. */
        public boolean belongsTo(PodId driver, String driverApp) {
            return driverName != null ? driverName.equals(driver.name()) : app.equals(driverApp);
        }
    }

    /** Capacity held for one executor of {@code driver}: a placeholder, never a real pod. */
    record Hold(PodId driver) implements SparkRole {
        public Hold {
            Objects.requireNonNull(driver, "driver");
        }
    }
}
