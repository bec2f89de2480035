package dev.stook.core.cluster;

import java.util.HashMap;
import java.util.Map;

/**
 * The namespaces' labels as the adapter last saw them, which pod affinity terms choosing namespaces by label
 * read. Immutable: a change makes a new one, so a snapshot keeps the labels it was taken with.
 */
public final class Namespaces {
    public static final Namespaces NONE = new Namespaces(Map.of());
    private final Map<String, Map<String, String>> labels;

    private Namespaces(Map<String, Map<String, String>> labels) {
        this.labels = labels;
    }

    /** The namespace's labels; none for a namespace not known. */
    public Map<String, String> labelsOf(String namespace) {
        return labels.getOrDefault(namespace, Map.of());
    }

    /** These namespaces with the namespace's labels replaced (empty: none, or gone); this one when nothing changes. */
    public Namespaces withLabels(String namespace, Map<String, String> namespaceLabels) {
        if (labelsOf(namespace).equals(namespaceLabels)) {
            return this;
        }
        Map<String, Map<String, String>> changed = new HashMap<>(labels);
        if (namespaceLabels.isEmpty()) {
            changed.remove(namespace);
        } else {
            changed.put(namespace, Map.copyOf(namespaceLabels));
        }
        return new Namespaces(Map.copyOf(changed));
    }
}
