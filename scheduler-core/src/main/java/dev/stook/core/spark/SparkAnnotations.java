package dev.stook.core.spark;

import dev.stook.core.gang.GangMembership;
import dev.stook.core.model.InputText;
import dev.stook.core.model.Resources;

import java.util.Map;

/**
 * Reads a pod's part in a Spark application. A driver opts in with {@value #EXECUTORS} and
 * {@value #EXECUTOR_RESOURCES} (both, or neither); an executor is a pod labelled {@code spark-role: executor}
 * whose owner is a pod (its driver) or that carries a {@code spark-app-selector}. Bad values are refused with a
 * message naming the key, the value and what would be right.
 */
public final class SparkAnnotations {
    public static final String EXECUTORS = "stook.dev/spark-executors";
    public static final String EXECUTOR_RESOURCES = "stook.dev/spark-executor-resources";
    public static final String ROLE_LABEL = "spark-role";
    public static final String APP_LABEL = "spark-app-selector";
    public static final String EXECUTOR_ROLE = "executor";
    private static final int MAX_DIGITS = 6;

    private SparkAnnotations() {}

    /**
     * The pod's role, or null when it has none Stook acts on.
     *
     * @param ownerPod the name of the pod owning this one, or null
     */
    public static SparkRole parse(Map<String, String> labels, Map<String, String> annotations, String ownerPod) {
        String app = labels.get(APP_LABEL);
        String executors = annotations.get(EXECUTORS);
        String resources = annotations.get(EXECUTOR_RESOURCES);
        if (executors != null || resources != null) {
            if (executors == null || resources == null) {
                throw new IllegalArgumentException((executors == null ? EXECUTOR_RESOURCES : EXECUTORS)
                        + " is set without " + (executors == null ? EXECUTORS : EXECUTOR_RESOURCES)
                        + ": a driver gives both to have its executors' capacity held");
            }
            return new SparkRole.Driver(app, executors(executors), parseRequests(EXECUTOR_RESOURCES, resources));
        }
        if (EXECUTOR_ROLE.equals(labels.get(ROLE_LABEL)) && (app != null || ownerPod != null)) {
            return new SparkRole.Executor(app, ownerPod);
        }
        return null;
    }

    private static int executors(String text) {
        String digits = text.strip();
        if (!digits.isEmpty() && digits.length() <= MAX_DIGITS && digits.chars().allMatch(Character::isDigit)) {
            int count = Integer.parseInt(digits);
            if (count >= 1 && count <= GangMembership.MAX_MIN_MEMBERS) {
                return count;
            }
        }
        throw new IllegalArgumentException(EXECUTORS + " " + InputText.quote(text) + " must be a whole number from 1 to "
                + GangMembership.MAX_MIN_MEMBERS);
    }

    /**
     * {@code cpu=4,memory=16Gi}: what one executor asks for, in any resource a node offers; errors name
     * {@code key}.
     */
    public static Resources parseRequests(String key, String text) {
        Resources.Builder requests = Resources.builder();
        for (String pair : text.split(",", -1)) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? "" : pair.substring(0, equals).strip();
            if (name.isEmpty()) {
                throw new IllegalArgumentException(key + " " + InputText.quote(text)
                        + " is not a list such as cpu=4,memory=16Gi");
            }
            try {
                requests.set(name, pair.substring(equals + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
            }
        }
        Resources parsed = requests.build();
        if (parsed.isZero()) {
            throw new IllegalArgumentException(key + " " + InputText.quote(text)
                    + " asks for nothing; give what one executor requests, such as cpu=4,memory=16Gi");
        }
        return parsed;
    }
}
