package dev.stook.k8s.admit;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The key of the {@link AdmissionSeal}: the Secret {@value #SECRET} in Stook's namespace, made with a random
 * key by the first Stook that finds none, so every replica and every later leader seals and opens alike.
 * Deleting it makes every record made before unreadable (those pods then count as preemptible).
 */
public final class AdmissionKey {
    public static final String SECRET = "stook-admission-key";
    static final String DATA_KEY = "hmac-sha256";
    private static final int BYTES = 32;

    private AdmissionKey() {
    }

    /** Reads the key, creating it first if there is none. Blocking. */
    public static byte[] loadOrCreate(KubernetesClient client, String namespace) {
        Resource<Secret> resource = client.secrets().inNamespace(namespace).withName(SECRET);
        Secret secret = resource.get();
        if (secret == null) {
            byte[] key = new byte[BYTES];
            new SecureRandom().nextBytes(key);
            try {
                secret = client.resource(new SecretBuilder().withNewMetadata().withNamespace(namespace).withName(SECRET)
                        .addToLabels("app.kubernetes.io/name", "stook").endMetadata()
                        .withData(Map.of(DATA_KEY, Base64.getEncoder().encodeToString(key))).build()).create();
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw e;
                }
                secret = resource.get();
            }
        }
        return keyOf(secret, namespace);
    }

    private static byte[] keyOf(Secret secret, String namespace) {
        String encoded = secret == null || secret.getData() == null ? null : secret.getData().get(DATA_KEY);
        byte[] key = encoded == null ? new byte[0] : Base64.getDecoder().decode(encoded);
        if (key.length < BYTES) {
            throw new IllegalStateException("Secret " + namespace + "/" + SECRET + " must hold at least " + BYTES
                    + " bytes under " + DATA_KEY + "; delete it and Stook makes a new one");
        }
        return key;
    }
}
