package dev.stook.k8s.auth;

/** What a caller asks to do, in the terms of a SubjectAccessReview. */
public sealed interface AccessRequest {
    /** A path that is no API resource, such as {@code /metrics}; the verb is the HTTP method in lower case. */
    record NonResource(String path, String verb) implements AccessRequest {
        @Override
        public String describe() {
            return verb + " path \"" + path + "\"";
        }
    }

    /** {@code get} on one pod. */
    record PodRead(String namespace, String name) implements AccessRequest {
        @Override
        public String describe() {
            return "get pod " + namespace + "/" + name;
        }
    }

    String describe();
}
