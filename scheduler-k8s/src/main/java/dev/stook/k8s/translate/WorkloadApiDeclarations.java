package dev.stook.k8s.translate;

import dev.stook.core.gang.GangDeclaration;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The gangs Kubernetes' own Workload API (KEP-4671, {@code scheduling.k8s.io}) declares. From v1alpha2 on, a pod
 * names a PodGroup object ({@code spec.schedulingGroup.podGroupName}) whose {@code spec.schedulingPolicy} is
 * {@code gang: {minCount}} or {@code basic: {}}. In v1alpha1 (Kubernetes 1.35) a pod names a Workload
 * ({@code spec.workloadRef}: {@code name}, {@code podGroup}, {@code podGroupReplicaKey}) whose
 * {@code spec.podGroups[]} hold each group's {@code policy}; the policy applies to each replica key apart. A
 * {@code basic} policy means no gang: its pods are scheduled one by one.
 */
final class WorkloadApiDeclarations {
    private static final String MIN_COUNT_MISSING = "is missing; a gang policy needs the members to admit together";

    private WorkloadApiDeclarations() {
    }

    /** A PodGroup's gang, or null for a basic policy. */
    static GangDeclaration podGroup(GangObjectKey key, GenericKubernetesResource group) {
        return policy(key.name(), key.describe(), group, "spec", "schedulingPolicy");
    }

    /** The gang of one pod group (and replica) of a v1alpha1 Workload, or null for a basic policy. */
    static GangDeclaration workloadPodGroup(GangObjectKey key, WorkloadRef ref, GenericKubernetesResource workload) {
        Object groups = workload.get("spec", "podGroups");
        List<?> listed = groups instanceof List<?> list ? list : List.of();
        for (int i = 0; i < listed.size(); i++) {
            if (listed.get(i) instanceof Map<?, ?> group && ref.podGroup().equals(group.get("name"))) {
                String source = key.describe() + ", pod group " + ref.podGroup();
                return policy(ref.gangName(), source, workload, "spec", "podGroups", i, "policy");
            }
        }
        return GangDeclaration.missing(ref.gangName(), key.describe(), "pod group " + ref.podGroup() + " in "
                + key.describe() + " (it has none of that name)");
    }

    private static GangDeclaration policy(String gang, String source, GenericKubernetesResource object,
                                          Object... policyPath) {
        if (object.get(append(policyPath, "gang")) != null) {
            return GangDeclaration.found(gang, GenericFields.memberCount(object, source, MIN_COUNT_MISSING,
                    append(policyPath, "gang", "minCount")), source);
        }
        if (object.get(append(policyPath, "basic")) != null) {
            return null;
        }
        throw new IllegalArgumentException(source + ": " + GenericFields.fieldName(policyPath)
                + " sets neither basic nor gang");
    }

    private static Object[] append(Object[] path, Object... more) {
        Object[] longer = Arrays.copyOf(path, path.length + more.length);
        System.arraycopy(more, 0, longer, path.length, more.length);
        return longer;
    }

    /** A v1alpha1 pod's {@code spec.workloadRef}. */
    record WorkloadRef(String workload, String podGroup, String replicaKey) {
        /** One gang per pod group and replica key. */
        String gangName() {
            return workload + "/" + podGroup + (replicaKey == null || replicaKey.isEmpty() ? "" : "/" + replicaKey);
        }
    }
}
