package dev.stook.k8s.translate;

import dev.stook.core.gang.GangDeclaration;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * The gangs Volcano's and scheduler-plugins' PodGroups declare. Both give {@code spec.minMember}. Volcano's
 * {@code spec.queue} is read as a queue the pods ask for, exactly as if they set {@code stook.dev/queue}: the queue
 * must exist in Stook's config and the namespace must be among its submitters. Volcano's {@code spec.minResources}
 * is not read: Stook proves that the members' own requests fit, which is what it stands for.
 * scheduler-plugins' {@code spec.scheduleTimeoutSeconds} is the gang's timeout.
 */
final class PodGroupDeclarations {
    private static final String MIN_MEMBER_MISSING = "is missing; it gives the members needed before any is bound";

    private PodGroupDeclarations() {
    }

    static GangDeclaration volcano(GangObjectKey key, GenericKubernetesResource group) {
        String owner = key.describe();
        int minMember = GenericFields.memberCount(group, owner, MIN_MEMBER_MISSING, "spec", "minMember");
        return GangDeclaration.found(key.name(), minMember, owner)
                .withQueue(GenericFields.optionalText(group, owner, "spec", "queue"));
    }

    static GangDeclaration schedulerPlugins(GangObjectKey key, GenericKubernetesResource group) {
        String owner = key.describe();
        int minMember = GenericFields.memberCount(group, owner, MIN_MEMBER_MISSING, "spec", "minMember");
        Long timeoutSeconds = GenericFields.optionalWholeNumber(group, owner, "spec", "scheduleTimeoutSeconds");
        if (timeoutSeconds != null && (timeoutSeconds < 1 || timeoutSeconds > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException(owner + ": spec.scheduleTimeoutSeconds " + timeoutSeconds
                    + " is not a positive number of seconds");
        }
        GangDeclaration declared = GangDeclaration.found(key.name(), minMember, owner);
        return timeoutSeconds == null ? declared : declared.withTimeoutMillis(timeoutSeconds * 1000);
    }
}
