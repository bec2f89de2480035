package dev.stook.core.gang;

import dev.stook.core.model.Durations;
import dev.stook.core.model.InputText;

import java.util.Map;

/**
 * Reads gang membership from a pod's labels and annotations (DESIGN.md §4): Stook's own keys, then
 * scheduler-plugins' pod-group label and Volcano's group-name annotation. With only a minimum given, the
 * pod's controller (for example its Job) names the gang. Bad values are refused with a message that
 * names the key, the value and what would be right.
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
     * The pod's gang, or null when it is not in one.
     *
     * @param controller the pod's controlling owner as {@code Kind/name}, or null
     */
    public static GangMembership parse(String namespace, Map<String, String> labels, Map<String, String> annotations,
                                       String controller) {
        String minText = lookup(MIN_MEMBERS, labels, annotations);
        String nameSource = nameKey(labels, annotations);
        String name = nameSource == null ? null
                : nameSource.equals(POD_GROUP_LABEL) ? labels.get(nameSource) : lookup(nameSource, labels, annotations);
        if (name == null && minText != null) {
            if (controller == null) {
                throw new IllegalArgumentException(MIN_MEMBERS + " is set but the pod names no gang ("
                        + GANG + ") and has no controller to form one");
            }
            name = controller;
            nameSource = "the pod's controller";
        }
        String topologyText = lookup(TOPOLOGY, labels, annotations);
        if (name == null) {
            if (topologyText != null) {
                throw new IllegalArgumentException(TOPOLOGY + " is set but the pod names no gang (" + GANG + ")");
            }
            return null;
        }
        if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("gang name (from " + nameSource + ") must be 1 to " + MAX_NAME_LENGTH
                    + " characters");
        }
        int minMembers = minText == null ? 0 : parseMinMembers(minText);
        String timeoutText = lookup(TIMEOUT, labels, annotations);
        long timeout = GangMembership.DEFAULT_TIMEOUT_MILLIS;
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
        return new GangMembership(new GangId(namespace, name), minMembers, timeout, topology);
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
