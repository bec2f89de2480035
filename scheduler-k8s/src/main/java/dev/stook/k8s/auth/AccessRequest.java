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

    /** {@code list} on the pods of one namespace: what {@code kubectl get pods -n NAMESPACE} needs. */
    record PodList(String namespace) implements AccessRequest {
        @Override
        public String describe() {
            return "list pods in namespace " + namespace;
        }
    }

    /** Nothing beyond a token the API server accepts: for paths whose handler shows each caller only their share. */
    record Authenticated() implements AccessRequest {
        @Override
        public String describe() {
            return "be authenticated";
        }
    }

    String describe();
}
