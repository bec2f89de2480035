package dev.stook.k8s.auth;

import java.util.List;
import java.util.Map;

/** Who a bearer token belongs to, as the API server's TokenReview says: what a SubjectAccessReview asks about. */
public record Caller(String name, String uid, List<String> groups, Map<String, List<String>> extra) {
    public Caller {
        groups = List.copyOf(groups);
        extra = Map.copyOf(extra);
    }
}
