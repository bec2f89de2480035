package dev.stook.k8s.translate;

import dev.stook.core.model.InputText;
import dev.stook.core.model.LabelSelector;
import dev.stook.core.model.NodeSelectorRequirement;
import dev.stook.core.model.PodAffinity;
import dev.stook.core.model.PodAffinityTerm;
import dev.stook.core.model.SpreadConstraint;
import dev.stook.core.model.WeightedPodAffinityTerm;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a pod's inter-pod affinity and anti-affinity and its topology spread constraints, resolving what
 * depends on the pod itself as kube-scheduler does: terms naming no namespace (neither in {@code namespaces}
 * nor by {@code namespaceSelector}) mean the pod's own, {@code matchLabelKeys} add the pod's values of those
 * labels to the selector and {@code mismatchLabelKeys} exclude them. A {@code namespaceSelector} is kept as a
 * selector, matched against the namespaces' labels as they are when the pod is placed.
 */
final class InterPodRules {
    private static final String POD_AFFINITY = "spec.affinity.podAffinity";
    private static final String POD_ANTI_AFFINITY = "spec.affinity.podAntiAffinity";
    private static final String REQUIRED = ".requiredDuringSchedulingIgnoredDuringExecution";
    private static final String PREFERRED = ".preferredDuringSchedulingIgnoredDuringExecution";
    private static final String SPREAD = "spec.topologySpreadConstraints";

    private final String namespace;
    private final Map<String, String> podLabels;

    InterPodRules(String namespace, Map<String, String> podLabels) {
        this.namespace = namespace;
        this.podLabels = podLabels;
    }

    PodAffinity affinityOf(PodSpec spec) {
        Affinity affinity = spec.getAffinity();
        if (affinity == null || (affinity.getPodAffinity() == null && affinity.getPodAntiAffinity() == null)) {
            return PodAffinity.NONE;
        }
        var near = affinity.getPodAffinity();
        var away = affinity.getPodAntiAffinity();
        return new PodAffinity(
                near == null ? List.of() : terms(near.getRequiredDuringSchedulingIgnoredDuringExecution(),
                        POD_AFFINITY + REQUIRED),
                away == null ? List.of() : terms(away.getRequiredDuringSchedulingIgnoredDuringExecution(),
                        POD_ANTI_AFFINITY + REQUIRED),
                near == null ? List.of() : weighted(near.getPreferredDuringSchedulingIgnoredDuringExecution(),
                        POD_AFFINITY + PREFERRED),
                away == null ? List.of() : weighted(away.getPreferredDuringSchedulingIgnoredDuringExecution(),
                        POD_ANTI_AFFINITY + PREFERRED));
    }

    List<SpreadConstraint> spreadOf(PodSpec spec) {
        List<TopologySpreadConstraint> given = orEmpty(spec.getTopologySpreadConstraints());
        List<SpreadConstraint> constraints = new ArrayList<>();
        for (int c = 0; c < given.size(); c++) {
            TopologySpreadConstraint constraint = given.get(c);
            constraints.add(FieldPath.read(SPREAD + "[" + c + "]", () -> spread(constraint)));
        }
        return constraints;
    }

    private SpreadConstraint spread(TopologySpreadConstraint given) {
        boolean hard = switch (given.getWhenUnsatisfiable() == null ? "" : given.getWhenUnsatisfiable()) {
            case "DoNotSchedule" -> true;
            case "ScheduleAnyway" -> false;
            default -> throw new IllegalArgumentException("whenUnsatisfiable " + quote(given.getWhenUnsatisfiable())
                    + " must be DoNotSchedule or ScheduleAnyway");
        };
        LabelSelector selector = LabelSelectors.of(given.getLabelSelector(), "labelSelector")
                .requiring(ownValues(given.getMatchLabelKeys()));
        return new SpreadConstraint(given.getMaxSkew() == null ? 0 : given.getMaxSkew(), given.getTopologyKey(), hard,
                selector, given.getMinDomains() == null ? 1 : given.getMinDomains(),
                policy(given.getNodeAffinityPolicy(), true, "nodeAffinityPolicy"),
                policy(given.getNodeTaintsPolicy(), false, "nodeTaintsPolicy"));
    }

    private static boolean policy(String given, boolean byDefault, String field) {
        if (given == null || given.isEmpty()) {
            return byDefault;
        }
        return switch (given) {
            case "Honor" -> true;
            case "Ignore" -> false;
            default -> throw new IllegalArgumentException(field + " " + quote(given) + " must be Honor or Ignore");
        };
    }

    private List<PodAffinityTerm> terms(List<io.fabric8.kubernetes.api.model.PodAffinityTerm> given, String field) {
        List<PodAffinityTerm> terms = new ArrayList<>();
        for (int t = 0; t < orEmpty(given).size(); t++) {
            io.fabric8.kubernetes.api.model.PodAffinityTerm term = given.get(t);
            terms.add(FieldPath.read(field + "[" + t + "]", () -> term(term)));
        }
        return terms;
    }

    private List<WeightedPodAffinityTerm> weighted(List<io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm> given,
                                                   String field) {
        List<WeightedPodAffinityTerm> terms = new ArrayList<>();
        for (int t = 0; t < orEmpty(given).size(); t++) {
            io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm weighted = given.get(t);
            terms.add(FieldPath.read(field + "[" + t + "]", () -> new WeightedPodAffinityTerm(
                    weighted.getWeight() == null ? 0 : weighted.getWeight(),
                    FieldPath.read("podAffinityTerm", () -> term(weighted.getPodAffinityTerm())))));
        }
        return terms;
    }

    private PodAffinityTerm term(io.fabric8.kubernetes.api.model.PodAffinityTerm given) {
        if (given == null) {
            throw new IllegalArgumentException("missing");
        }
        LabelSelector selector = LabelSelectors.of(given.getLabelSelector(), "labelSelector")
                .requiring(ownValues(given.getMatchLabelKeys()));
        selector = excluding(selector, ownValues(given.getMismatchLabelKeys()));
        var namespaceSelector = given.getNamespaceSelector();
        LabelSelector namespacesByLabel = LabelSelectors.of(namespaceSelector, "namespaceSelector");
        List<String> named = orEmpty(given.getNamespaces());
        Set<String> namespaces = named.isEmpty() && namespaceSelector == null ? Set.of(namespace) : Set.copyOf(named);
        return new PodAffinityTerm(selector, namespaces, namespacesByLabel, given.getTopologyKey());
    }

    private static LabelSelector excluding(LabelSelector selector, Map<String, String> pairs) {
        if (pairs.isEmpty() || selector.matchesNothing()) {
            return selector;
        }
        List<NodeSelectorRequirement> requirements = new ArrayList<>(selector.requirements());
        pairs.forEach((key, value) -> requirements.add(
                new NodeSelectorRequirement(key, NodeSelectorRequirement.Operator.NOT_IN, List.of(value))));
        return new LabelSelector(selector.matchLabels(), requirements);
    }

    /** The pod's own values of the keys it has; keys it lacks are ignored, as in Kubernetes. */
    private Map<String, String> ownValues(List<String> keys) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : orEmpty(keys)) {
            String value = podLabels.get(key);
            if (value != null) {
                values.put(key, value);
            }
        }
        return values;
    }

    private static String quote(String text) {
        return InputText.quote(text);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}
