package dev.stook.k8s.logging;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.Locale;

/**
 * Names of the structured fields on log lines, the same in every format, so that one pod's or node's story
 * can be found with one query: {@code pod="namespace/name"}, {@code node="name"}.
 */
public final class LogFields {
    public static final String POD = "pod";
    public static final String NODE = "node";

    private LogFields() {
    }

    /** The field naming an object: {@link #POD} for a pod, {@link #NODE} for a node, else its kind in lower case. */
    public static String keyOf(HasMetadata object) {
        return object.getKind() == null ? "object" : object.getKind().toLowerCase(Locale.ROOT);
    }

    /** {@code namespace/name}, or the bare name of a cluster-scoped object. */
    public static String nameOf(HasMetadata object) {
        String namespace = object.getMetadata().getNamespace();
        return namespace == null || namespace.isEmpty() ? object.getMetadata().getName()
                : namespace + "/" + object.getMetadata().getName();
    }
}
