package dev.stook.core.queue;

import java.util.Map;

/** The labels of a namespace, as the adapter last saw them; no labels for a namespace it does not know. */
@FunctionalInterface
public interface NamespaceLabels {
    NamespaceLabels NONE = namespace -> Map.of();

    Map<String, String> of(String namespace);
}
