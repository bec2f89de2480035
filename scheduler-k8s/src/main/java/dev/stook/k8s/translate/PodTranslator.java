package dev.stook.k8s.translate;

import dev.stook.core.gang.GangAnnotations;
import dev.stook.core.gang.GangDeclaration;
import dev.stook.core.gang.GangMembership;
import dev.stook.core.locality.ChunkSet;
import dev.stook.core.locality.DataReads;
import dev.stook.core.model.HostPort;
import dev.stook.core.model.InputText;
import dev.stook.core.model.NodeSelectorRequirement;
import dev.stook.core.model.NodeSelectorTerm;
import dev.stook.core.model.PlacementConstraints;
import dev.stook.core.model.Pod;
import dev.stook.core.model.PodId;
import dev.stook.core.model.PodRequests;
import dev.stook.core.model.PreferredTerm;
import dev.stook.core.model.Resources;
import dev.stook.core.model.TaintEffect;
import dev.stook.core.model.Toleration;
import dev.stook.core.spark.SparkAnnotations;
import dev.stook.core.spark.SparkRole;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodSchedulingGate;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PreferredSchedulingTerm;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Volume;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The one place a Kubernetes pod becomes the core's {@link Pod}: effective requests, priority, creation
 * time, labels, node selector, node and pod affinity, spread constraints, tolerations, host ports and Stook's
 * annotations (DESIGN.md §4).
 * A pod it cannot read is refused with an {@link IllegalArgumentException} whose message tells its owner
 * what to fix, except for unreadable locality annotations: those only cost the pod its data locality,
 * and its explanations say so.
 */
public final class PodTranslator {
    public static final String QUEUE = "stook.dev/queue";
    public static final String PREEMPTIBLE = "stook.dev/preemptible";
    public static final String DATA_CHUNKS = "stook.dev/data-chunks";
    public static final String CHUNK_BYTES = "stook.dev/chunk-bytes";
    /** Sixteen levels of 63-character names and their dots; checked before the pattern, which recurses per level. */
    private static final int MAX_QUEUE_PATH = 16 * 64 - 1;
    private static final Pattern QUEUE_PATH = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    private static final String REQUIRED_AFFINITY = "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution";
    private static final String PREFERRED_AFFINITY =
            "spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution";

    private PodTranslator() {}

    public static PodId idOf(io.fabric8.kubernetes.api.model.Pod pod) {
        return new PodId(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
    }

    /** The pod with its gang read from its own labels and annotations alone. */
    public static Pod translate(io.fabric8.kubernetes.api.model.Pod pod) {
        return translate(pod, GangSources.lookup(pod, GangObjects.NONE));
    }

    /** @param gangSource what declares the pod's gang outside it ({@link GangSources#lookup}) */
    public static Pod translate(io.fabric8.kubernetes.api.model.Pod pod, GangSources.Lookup gangSource) {
        PodSpec spec = pod.getSpec();
        UnhonouredFields.refuse(spec);
        Map<String, String> labels = orEmpty(pod.getMetadata().getLabels());
        Map<String, String> annotations = orEmpty(pod.getMetadata().getAnnotations());
        PodId id = idOf(pod);
        Pod result = new Pod(id, requestsOf(spec), spec.getPriority() == null ? 0 : spec.getPriority(),
                creationMillis(pod), constraintsOf(spec, new InterPodRules(id.namespace(), labels))).withLabels(labels)
                .withController(WorkloadTranslator.controllerOf(pod));
        GangDeclaration declared = gangSource.declarationOrRefusal();
        GangMembership gang = GangAnnotations.parse(id.namespace(), labels, annotations, controllerOf(pod), declared);
        if (gang != null) {
            result = result.inGang(gang);
        }
        SparkRole spark = SparkAnnotations.parse(labels, annotations, ownerPodOf(pod));
        if (spark instanceof SparkRole.Driver && gang != null) {
            throw new IllegalArgumentException(SparkAnnotations.EXECUTORS + " is for a driver scheduled on its own,"
                    + " not a member of gang " + gang.id());
        }
        result = result.withSpark(spark);
        String queue = lookup(QUEUE, labels, annotations);
        String queueKey = QUEUE;
        if (queue == null && declared != null && declared.queue() != null) {
            queue = declared.queue();
            queueKey = "the queue of " + declared.source();
        }
        if (queue != null) {
            if (queue.length() > MAX_QUEUE_PATH || !QUEUE_PATH.matcher(queue).matches()) {
                throw new IllegalArgumentException(queueKey + " " + InputText.quote(queue)
                        + " is not a queue path such as research.nlp");
            }
            result = result.inQueue(queue);
        }
        String preemptible = lookup(PREEMPTIBLE, labels, annotations);
        if (preemptible != null) {
            if (!preemptible.equals("true") && !preemptible.equals("false")) {
                throw new IllegalArgumentException(PREEMPTIBLE + " " + InputText.quote(preemptible)
                        + " must be \"true\" or \"false\"");
            }
            result = result.withPreemptible(Boolean.parseBoolean(preemptible));
        }
        return result.withDataReads(dataReadsOf(labels, annotations)).withSchedulingGates(schedulingGatesOf(spec))
                .withPreemptsOthers(!"Never".equals(spec.getPreemptionPolicy())).withClaims(claimsOf(pod));
    }

    /**
     * The PersistentVolumeClaims the pod's volumes use, each once: those named, and those of its generic
     * ephemeral volumes, which are named after the pod and the volume.
     */
    static List<String> claimsOf(io.fabric8.kubernetes.api.model.Pod pod) {
        Set<String> claims = new LinkedHashSet<>();
        for (Volume volume : orEmpty(pod.getSpec().getVolumes())) {
            if (volume.getPersistentVolumeClaim() != null) {
                String claim = volume.getPersistentVolumeClaim().getClaimName();
                if (claim == null || claim.isEmpty()) {
                    throw new IllegalArgumentException("spec.volumes " + InputText.quote(volume.getName())
                            + ": persistentVolumeClaim.claimName is empty");
                }
                claims.add(claim);
            } else if (volume.getEphemeral() != null) {
                claims.add(pod.getMetadata().getName() + "-" + volume.getName());
            }
        }
        return List.copyOf(claims);
    }

    private static List<String> schedulingGatesOf(PodSpec spec) {
        return spec.getSchedulingGates() == null ? List.of()
                : spec.getSchedulingGates().stream().map(PodSchedulingGate::getName).toList();
    }

    static DataReads dataReadsOf(Map<String, String> labels, Map<String, String> annotations) {
        String chunks = lookup(DATA_CHUNKS, labels, annotations);
        String chunkBytes = lookup(CHUNK_BYTES, labels, annotations);
        if (chunks == null) {
            return DataReads.NONE;
        }
        try {
            long bytes = chunkBytes == null ? DataReads.DEFAULT_CHUNK_BYTES : chunkBytes(chunkBytes);
            return DataReads.of(ChunkSet.parse(chunks), bytes);
        } catch (IllegalArgumentException e) {
            return DataReads.unreadable(DATA_CHUNKS + "/" + CHUNK_BYTES + ": " + e.getMessage());
        }
    }

    private static long chunkBytes(String text) {
        try {
            long bytes = Long.parseLong(text.strip());
            if (bytes >= 1 && bytes <= DataReads.MAX_CHUNK_BYTES) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new IllegalArgumentException(CHUNK_BYTES + " " + InputText.quote(text) + " must be a whole number of bytes from 1 to "
                + DataReads.MAX_CHUNK_BYTES);
    }

    /**
     * A bound pod only has to be accounted for: when its Stook annotations are unreadable it still holds
     * its requests on its node, so it is read without them.
     */
    public static Pod translateBound(io.fabric8.kubernetes.api.model.Pod pod) {
        try {
            return translate(pod);
        } catch (IllegalArgumentException e) {
            return new Pod(idOf(pod), requestsOf(pod.getSpec()), 0, creationMillis(pod), PlacementConstraints.NONE)
                    .withLabels(orEmpty(pod.getMetadata().getLabels()));
        }
    }

    static Resources requestsOf(PodSpec spec) {
        List<Resources> containers = requestsOf(orEmpty(spec.getContainers()), "spec.containers");
        List<Container> initContainers = orEmpty(spec.getInitContainers());
        List<Resources> initRequests = requestsOf(initContainers, "spec.initContainers");
        List<PodRequests.InitContainer> init = new ArrayList<>();
        for (int i = 0; i < initContainers.size(); i++) {
            boolean sidecar = "Always".equals(initContainers.get(i).getRestartPolicy());
            init.add(new PodRequests.InitContainer(initRequests.get(i), sidecar));
        }
        Resources overhead = spec.getOverhead() == null ? null : FieldPath.read("spec.overhead", () -> parse(spec.getOverhead()));
        return FieldPath.read("spec.containers", () -> PodRequests.effective(containers, init, overhead));
    }

    private static List<Resources> requestsOf(List<Container> containers, String field) {
        List<Resources> requests = new ArrayList<>();
        for (int i = 0; i < containers.size(); i++) {
            ResourceRequirements resources = containers.get(i).getResources();
            requests.add(FieldPath.read(field + "[" + i + "].resources.requests", () -> requestsOf(resources)));
        }
        return requests;
    }

    private static Resources requestsOf(ResourceRequirements requirements) {
        if (requirements == null || requirements.getRequests() == null) {
            return Resources.NONE;
        }
        return parse(requirements.getRequests());
    }

    /** Parses a Kubernetes resource list; also used for node allocatable. */
    static Resources parse(Map<String, Quantity> quantities) {
        Map<String, String> text = new LinkedHashMap<>();
        quantities.forEach((name, quantity) -> text.put(name, quantity == null ? "" : quantity.toString()));
        return Resources.parse(text);
    }

    private static PlacementConstraints constraintsOf(PodSpec spec, InterPodRules interPod) {
        List<Toleration> tolerations = new ArrayList<>();
        List<io.fabric8.kubernetes.api.model.Toleration> given = orEmpty(spec.getTolerations());
        for (int i = 0; i < given.size(); i++) {
            tolerations.add(FieldPath.read("spec.tolerations[" + i + "]", toleration(given.get(i))));
        }
        return new PlacementConstraints(orEmpty(spec.getNodeSelector()), requiredAffinityOf(spec), tolerations,
                hostPortsOf(spec), preferredAffinityOf(spec), interPod.affinityOf(spec), interPod.spreadOf(spec));
    }

    /** Host ports of the app containers; on the host network every container port is one. */
    private static List<HostPort> hostPortsOf(PodSpec spec) {
        boolean hostNetwork = Boolean.TRUE.equals(spec.getHostNetwork());
        List<HostPort> ports = new ArrayList<>();
        List<Container> containers = orEmpty(spec.getContainers());
        for (int c = 0; c < containers.size(); c++) {
            List<ContainerPort> declared = orEmpty(containers.get(c).getPorts());
            for (int p = 0; p < declared.size(); p++) {
                ContainerPort port = declared.get(p);
                Integer number = port.getHostPort() != null && port.getHostPort() > 0 ? port.getHostPort()
                        : hostNetwork ? port.getContainerPort() : null;
                if (number != null) {
                    ports.add(FieldPath.read("spec.containers[" + c + "].ports[" + p + "]",
                            () -> new HostPort(port.getProtocol(), port.getHostIP(), number)));
                }
            }
        }
        return ports;
    }

    private static List<PreferredTerm> preferredAffinityOf(PodSpec spec) {
        if (spec.getAffinity() == null || spec.getAffinity().getNodeAffinity() == null) {
            return List.of();
        }
        List<PreferredSchedulingTerm> given = orEmpty(
                spec.getAffinity().getNodeAffinity().getPreferredDuringSchedulingIgnoredDuringExecution());
        List<PreferredTerm> terms = new ArrayList<>();
        for (int t = 0; t < given.size(); t++) {
            String field = PREFERRED_AFFINITY + "[" + t + "]";
            PreferredSchedulingTerm preferred = given.get(t);
            NodeSelectorTerm term = selectorTerm(preferred.getPreference(), field + ".preference");
            terms.add(FieldPath.read(field + ".weight", () -> new PreferredTerm(
                    preferred.getWeight() == null ? 0 : preferred.getWeight(), term)));
        }
        return terms;
    }

    private static Supplier<Toleration> toleration(io.fabric8.kubernetes.api.model.Toleration t) {
        return () -> {
            TaintEffect effect = t.getEffect() == null || t.getEffect().isEmpty() ? null : TaintEffect.parse(t.getEffect());
            return new Toleration(t.getKey(), Toleration.parseOperator(t.getOperator()), t.getValue(), effect);
        };
    }

    private static List<NodeSelectorTerm> requiredAffinityOf(PodSpec spec) {
        if (spec.getAffinity() == null || spec.getAffinity().getNodeAffinity() == null) {
            return List.of();
        }
        NodeSelector required = spec.getAffinity().getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
        if (required == null) {
            return List.of();
        }
        List<NodeSelectorTerm> terms = new ArrayList<>();
        List<io.fabric8.kubernetes.api.model.NodeSelectorTerm> given = orEmpty(required.getNodeSelectorTerms());
        for (int t = 0; t < given.size(); t++) {
            terms.add(selectorTerm(given.get(t), REQUIRED_AFFINITY + ".nodeSelectorTerms[" + t + "]"));
        }
        return terms;
    }

    static NodeSelectorTerm selectorTerm(io.fabric8.kubernetes.api.model.NodeSelectorTerm given, String field) {
        if (given == null) {
            return new NodeSelectorTerm(List.of());
        }
        if (!orEmpty(given.getMatchFields()).isEmpty()) {
            throw new IllegalArgumentException(field + ".matchFields is not supported by Stook; "
                    + "select nodes by label with matchExpressions");
        }
        List<NodeSelectorRequirement> requirements = new ArrayList<>();
        List<io.fabric8.kubernetes.api.model.NodeSelectorRequirement> expressions = orEmpty(given.getMatchExpressions());
        for (int e = 0; e < expressions.size(); e++) {
            io.fabric8.kubernetes.api.model.NodeSelectorRequirement r = expressions.get(e);
            requirements.add(FieldPath.read(field + ".matchExpressions[" + e + "]", () -> new NodeSelectorRequirement(
                    r.getKey(), NodeSelectorRequirement.parseOperator(r.getOperator()), r.getValues())));
        }
        return new NodeSelectorTerm(requirements);
    }

    /** The pod owning this one (a Spark executor's driver), or null. */
    private static String ownerPodOf(io.fabric8.kubernetes.api.model.Pod pod) {
        for (OwnerReference owner : orEmpty(pod.getMetadata().getOwnerReferences())) {
            if ("Pod".equals(owner.getKind()) && "v1".equals(owner.getApiVersion())) {
                return owner.getName();
            }
        }
        return null;
    }

    private static String controllerOf(io.fabric8.kubernetes.api.model.Pod pod) {
        for (OwnerReference owner : orEmpty(pod.getMetadata().getOwnerReferences())) {
            if (Boolean.TRUE.equals(owner.getController())) {
                return owner.getKind() + "/" + owner.getName();
            }
        }
        return null;
    }

    private static long creationMillis(io.fabric8.kubernetes.api.model.Pod pod) {
        String created = pod.getMetadata().getCreationTimestamp();
        if (created == null) {
            return 0;
        }
        try {
            return Instant.parse(created).toEpochMilli();
        } catch (DateTimeParseException e) {
            return 0;
        }
    }

    private static String lookup(String key, Map<String, String> labels, Map<String, String> annotations) {
        String annotated = annotations.get(key);
        return annotated != null ? annotated : labels.get(key);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}
