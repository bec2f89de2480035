package dev.stook.k8s.translate;

import dev.stook.core.gang.GangAnnotations;
import dev.stook.core.gang.GangDeclaration;
import dev.stook.core.model.InputText;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSchedulingGroup;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the object outside a pod that declares its gang, in the one order of precedence README's "Gangs" section
 * documents: Stook's own {@code stook.dev/gang} first (then nothing here counts), then Kubernetes' Workload API
 * (the pod's {@code spec.schedulingGroup.podGroupName}, or v1alpha1's {@code spec.workloadRef}), scheduler-plugins'
 * {@code scheduling.x-k8s.io/pod-group} label, Volcano's {@code scheduling.k8s.io/group-name} annotation, and the
 * pod's Job when its template asks with {@code stook.dev/gang-from-job}. A PodGroup whose API the server does not
 * serve leaves the group name alone to name the gang, as before Stook read PodGroups; one whose API is served but
 * that does not exist makes the gang wait for it.
 */
public final class GangSources {
    private static final int MAX_OBJECT_NAME = 253;
    private GangSources() {
    }

    /**
     * What declares a pod's gang: the object it names (null when none), what that object says (null when
     * nothing is declared outside the pod), or why it cannot be read.
     */
    public record Lookup(GangObjectKey reference, GangDeclaration declaration, String problem) {
        static final Lookup NOTHING = new Lookup(null, null, null);

        /** The declaration; refuses the pod with the problem, if there is one. */
        GangDeclaration declarationOrRefusal() {
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            return declaration;
        }
    }

    /** Never throws: a bad reference or object is the lookup's problem. */
    public static Lookup lookup(Pod pod, GangObjects objects) {
        GangObjectKey reference;
        try {
            reference = referenceOf(pod);
        } catch (IllegalArgumentException e) {
            return new Lookup(null, null, e.getMessage());
        }
        if (reference == null) {
            return Lookup.NOTHING;
        }
        try {
            return new Lookup(reference, declarationOf(pod, reference, objects), null);
        } catch (IllegalArgumentException e) {
            return new Lookup(reference, null, e.getMessage());
        }
    }

    static GangObjectKey referenceOf(Pod pod) {
        Map<String, String> labels = orEmpty(pod.getMetadata().getLabels());
        Map<String, String> annotations = orEmpty(pod.getMetadata().getAnnotations());
        if (!GangAnnotations.declaredWins(labels, annotations)) {
            return null;
        }
        String namespace = pod.getMetadata().getNamespace();
        PodSchedulingGroup schedulingGroup = pod.getSpec() == null ? null : pod.getSpec().getSchedulingGroup();
        if (schedulingGroup != null && schedulingGroup.getPodGroupName() != null) {
            return new GangObjectKey(GangObjectKind.KUBERNETES_POD_GROUP, namespace, schedulingGroup.getPodGroupName());
        }
        WorkloadApiDeclarations.WorkloadRef workloadRef = workloadRefOf(pod);
        if (workloadRef != null) {
            return new GangObjectKey(GangObjectKind.KUBERNETES_WORKLOAD, namespace, workloadRef.workload());
        }
        String podGroup = labels.get(GangAnnotations.POD_GROUP_LABEL);
        if (podGroup != null) {
            return new GangObjectKey(GangObjectKind.SCHEDULER_PLUGINS_POD_GROUP, namespace,
                    objectName(GangAnnotations.POD_GROUP_LABEL, podGroup));
        }
        String volcanoGroup = annotations.get(GangAnnotations.VOLCANO_GROUP);
        if (volcanoGroup != null) {
            return new GangObjectKey(GangObjectKind.VOLCANO_POD_GROUP, namespace,
                    objectName(GangAnnotations.VOLCANO_GROUP, volcanoGroup));
        }
        return gangFromJob(pod, labels, annotations) ? new GangObjectKey(GangObjectKind.JOB, namespace, jobOf(pod))
                : null;
    }

    /** A name a tenant wrote, checked before it is looked up or quoted in any message. */
    private static String objectName(String key, String name) {
        if (name.isBlank() || name.length() > MAX_OBJECT_NAME) {
            throw new IllegalArgumentException(key + " must name a PodGroup: 1 to " + MAX_OBJECT_NAME + " characters");
        }
        return name;
    }

    private static GangDeclaration declarationOf(Pod pod, GangObjectKey reference, GangObjects objects) {
        String version = objects.servedVersion(reference.kind());
        if (version == null) {
            return switch (reference.kind()) {
                case VOLCANO_POD_GROUP, SCHEDULER_PLUGINS_POD_GROUP -> null;
                // The API is not served, so nothing says the gang's size: its pods gather by the settle time.
                default -> GangDeclaration.found(gangName(pod, reference), 0, reference.describe() + " (API not served)");
            };
        }
        Optional<HasMetadata> found = objects.gangObject(reference);
        if (found.isEmpty()) {
            return GangDeclaration.missing(gangName(pod, reference), reference.describe(), reference.describe()
                    + " to be created (" + apiVersion(reference.kind(), version) + ")");
        }
        return switch (reference.kind()) {
            case KUBERNETES_POD_GROUP -> WorkloadApiDeclarations.podGroup(reference,
                    (GenericKubernetesResource) found.get());
            case KUBERNETES_WORKLOAD -> WorkloadApiDeclarations.workloadPodGroup(reference, workloadRefOf(pod),
                    (GenericKubernetesResource) found.get());
            case VOLCANO_POD_GROUP -> PodGroupDeclarations.volcano(reference, (GenericKubernetesResource) found.get());
            case SCHEDULER_PLUGINS_POD_GROUP -> PodGroupDeclarations.schedulerPlugins(reference,
                    (GenericKubernetesResource) found.get());
            case JOB -> JobDeclarations.of(reference, (Job) found.get());
        };
    }

    private static String gangName(Pod pod, GangObjectKey reference) {
        return switch (reference.kind()) {
            case JOB -> JobDeclarations.gangName(reference.name());
            case KUBERNETES_WORKLOAD -> workloadRefOf(pod).gangName();
            default -> reference.name();
        };
    }

    /**
     * The pod's v1alpha1 {@code spec.workloadRef}, or null. Kubernetes 1.36 removed the field, so the client's
     * model keeps it among the spec's unknown fields.
     */
    private static WorkloadApiDeclarations.WorkloadRef workloadRefOf(Pod pod) {
        Object ref = pod.getSpec() == null ? null : pod.getSpec().getAdditionalProperties().get("workloadRef");
        if (!(ref instanceof Map<?, ?> fields) || !(fields.get("name") instanceof String workload)) {
            return null;
        }
        if (!(fields.get("podGroup") instanceof String podGroup)) {
            throw new IllegalArgumentException("spec.workloadRef.podGroup is missing: it names the pod's group in"
                    + " Workload " + workload);
        }
        Object replicaKey = fields.get("podGroupReplicaKey");
        return new WorkloadApiDeclarations.WorkloadRef(workload, podGroup,
                replicaKey instanceof String key ? key : null);
    }

    private static String apiVersion(GangObjectKind kind, String version) {
        return kind.group() + "/" + version;
    }

    private static boolean gangFromJob(Pod pod, Map<String, String> labels, Map<String, String> annotations) {
        String asked = annotations.getOrDefault(JobDeclarations.GANG_FROM_JOB, labels.get(JobDeclarations.GANG_FROM_JOB));
        if (asked == null || asked.equals("false")) {
            return false;
        }
        if (!asked.equals("true")) {
            throw new IllegalArgumentException(JobDeclarations.GANG_FROM_JOB + " " + InputText.quote(asked)
                    + " must be \"true\" or \"false\"");
        }
        if (jobOf(pod) == null) {
            throw new IllegalArgumentException(JobDeclarations.GANG_FROM_JOB + " is set but the pod's controller is not"
                    + " a batch/v1 Job");
        }
        return true;
    }

    private static String jobOf(Pod pod) {
        List<OwnerReference> owners = pod.getMetadata().getOwnerReferences();
        for (OwnerReference owner : owners == null ? List.<OwnerReference>of() : owners) {
            if (Boolean.TRUE.equals(owner.getController())) {
                return "batch/v1".equals(owner.getApiVersion()) && "Job".equals(owner.getKind()) ? owner.getName()
                        : null;
            }
        }
        return null;
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}
