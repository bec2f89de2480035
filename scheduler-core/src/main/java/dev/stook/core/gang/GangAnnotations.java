package dev.stook.core.gang;

import dev.stook.core.model.Durations;
import dev.stook.core.model.InputText;

import java.util.Map;

/**
 * Reads gang membership from a pod's labels and annotations (DESIGN.md §4) and weighs it against a gang declared
 * elsewhere (a PodGroup, the pod's Job: {@link GangDeclaration}), in one order of precedence:
 * <ol>
 *   <li>Stook's {@code stook.dev/gang} names the gang, whatever else the pod says;</li>
 *   <li>else the declaration the adapter found, with its size;</li>
 *   <li>else scheduler-plugins' pod-group label, then Volcano's group-name annotation, as names only (their
 *   PodGroups are not served);</li>
 *   <li>else, with only a minimum given, the pod's controller (for example its Job).</li>
 * </ol>
 * Stook's {@code gang-min-members} and {@code gang-timeout}, when set, override what the declaration says. Bad
 * values are refused with a message that names the key, the value and what would be right.
 */
public final class GangAnnotations {
    public static final String GANG = "stook.dev/gang";
    public static final String MIN_MEMBERS = "stook.dev/gang-min-members";
    public static final String TIMEOUT = "stook.dev/gang-timeout";
    public static final String TOPOLOGY = "stook.dev/gang-topology";
    public static final String POD_GROUP_LABEL = "scheduling.x-k8s.io/pod-group";
    public static final String VOLCANO_GROUP = "scheduling.k8s.io/group-name";
    private static final int MAX_NAME_LENGTH = 253;

    private GangAnnotations() {}

    /**
     * The pod's gang from its keys alone, or null when it is not in one.
     *
     * @param controller the pod's controlling owner as {@code Kind/name}, or null
     */
    public static GangMembership parse(String namespace, Map<String, String> labels, Map<String, String> annotations,
                                       String controller) {
        return parse(namespace, labels, annotations, controller, null);
    }

    /**
     * The pod's gang, or null when it is not in one.
     *
     * @param controller the pod's controlling owner as {@code Kind/name}, or null
     * @param declared   the gang declared outside the pod for it, or null
     */
    public static GangMembership parse(String namespace, Map<String, String> labels, Map<String, String> annotations,
                                       String controller, GangDeclaration declared) {
        String minText = lookup(MIN_MEMBERS, labels, annotations);
        GangDeclaration winner = declaredWins(labels, annotations) ? declared : null;
        String source = winner != null ? winner.source() : nameKey(labels, annotations);
        String name = winner != null ? winner.name() : source == null ? null
                : source.equals(POD_GROUP_LABEL) ? labels.get(source) : lookup(source, labels, annotations);
        if (name == null && minText != null) {
            if (controller == null) {
                throw new IllegalArgumentException(MIN_MEMBERS + " is set but the pod names no gang ("
                        + GANG + ") and has no controller to form one");
            }
            name = controller;
            source = "the pod's controller";
        }
        String topologyText = lookup(TOPOLOGY, labels, annotations);
        if (name == null) {
            if (topologyText != null) {
                throw new IllegalArgumentException(TOPOLOGY + " is set but the pod names no gang (" + GANG + ")");
            }
            return null;
        }
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("gang name (from " + source + ") must be 1 to " + MAX_NAME_LENGTH
                    + " characters");
        }
        int minMembers = winner == null ? 0 : winner.minMembers();
        if (minText != null) {
            minMembers = parseMinMembers(minText);
            source = winner == null ? source : source + ", minimum from " + MIN_MEMBERS;
        }
        String timeoutText = lookup(TIMEOUT, labels, annotations);
        long timeout = winner == null || winner.timeoutMillis() == 0 ? GangMembership.DEFAULT_TIMEOUT_MILLIS
                : winner.timeoutMillis();
        if (timeoutText != null) {
            try {
                timeout = Durations.parseMillis(timeoutText);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(TIMEOUT + ": " + e.getMessage(), e);
            }
            if (timeout <= 0) {
                throw new IllegalArgumentException(TIMEOUT + " must be longer than 0s");
            }
        }
        GangTopology topology = topologyText == null ? GangTopology.NONE : GangTopology.parse(topologyText);
        return new GangMembership(new GangId(namespace, name), minMembers, timeout, topology, source,
                winner == null ? null : winner.awaiting());
    }

    /** Whether a gang declared outside the pod counts: only Stook's own {@code stook.dev/gang} overrules it. */
    public static boolean declaredWins(Map<String, String> labels, Map<String, String> annotations) {
        return lookup(GANG, labels, annotations) == null;
    }

    private static int parseMinMembers(String text) {
        String digits = text.strip();
        if (!digits.matches("[0-9]{1,64}") || digits.matches("0+")) {
            throw new IllegalArgumentException(MIN_MEMBERS + " " + InputText.quote(text) + " is not a positive integer");
        }
        if (digits.length() > 5 || Integer.parseInt(digits) > GangMembership.MAX_MIN_MEMBERS) {
            throw new IllegalArgumentException(MIN_MEMBERS + " " + (digits.length() > 20 ? "value" : digits)
                    + " is larger than the limit of " + GangMembership.MAX_MIN_MEMBERS);
        }
        return Integer.parseInt(digits);
    }

    /** The key the gang's name is read from, in order of precedence, or null when the pod names no gang. */
    private static String nameKey(Map<String, String> labels, Map<String, String> annotations) {
        if (lookup(GANG, labels, annotations) != null) {
            return GANG;
        }
        if (labels.containsKey(POD_GROUP_LABEL)) {
            return POD_GROUP_LABEL;
        }
        return annotations.containsKey(VOLCANO_GROUP) ? VOLCANO_GROUP : null;
    }

    private static String lookup(String key, Map<String, String> labels, Map<String, String> annotations) {
        String annotated = annotations.get(key);
        return annotated != null ? annotated : labels.get(key);
    }
}
