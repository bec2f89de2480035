package dev.stook.k8s.translate;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.Optional;

/** The objects that may declare gangs, as the informers last saw them. */
public interface GangObjects {
    /** Nothing is served: every gang is read from its pods alone. */
    GangObjects NONE = new GangObjects() {
        @Override
        public String servedVersion(GangObjectKind kind) {
            return null;
        }

        @Override
        public Optional<HasMetadata> gangObject(GangObjectKey key) {
            return Optional.empty();
        }
    };

    /** The API version in which the server serves the kind and Stook has listed it, or null. */
    String servedVersion(GangObjectKind kind);

    /** The object; empty when it does not exist or its kind is not served. */
    Optional<HasMetadata> gangObject(GangObjectKey key);
}
