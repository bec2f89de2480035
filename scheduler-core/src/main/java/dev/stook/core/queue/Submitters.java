package dev.stook.core.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The namespaces that may submit to a queue: those whose name matches one of {@code namespaces}, and those
 * whose labels {@code namespaceSelector} (null when not set) matches.
 */
public record Submitters(List<NamespaceGlob> namespaces, NamespaceSelector namespaceSelector) {
    /** Names nobody: the queue takes whoever its parent allows (everyone at the top). */
    public static final Submitters UNSET = new Submitters(List.of(), null);

    public Submitters {
        namespaces = List.copyOf(namespaces);
    }

    public boolean isUnset() {
        return namespaces.isEmpty() && namespaceSelector == null;
    }

    public boolean admit(String namespace, Map<String, String> labels) {
        return namespaces.stream().anyMatch(glob -> glob.matches(namespace))
                || namespaceSelector != null && namespaceSelector.matches(labels);
    }

    /** {@code ml-*, research-*, namespaces labelled team=ml}. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>(namespaces.stream().map(NamespaceGlob::toString).toList());
        if (namespaceSelector != null) {
            parts.add("namespaces labelled " + namespaceSelector);
        }
        return parts.stream().collect(Collectors.joining(", "));
    }
}
