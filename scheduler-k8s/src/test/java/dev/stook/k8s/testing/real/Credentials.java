package dev.stook.k8s.testing.real;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A control plane's secrets, made fresh for each one: bearer tokens for the admin, for the components, for Stook's
 * ServiceAccount and for two people a test may grant RBAC to
 * (kube-apiserver's static token file), and the key pair that signs ServiceAccount tokens.
 */
final class Credentials {
    /** Stook's own identity: the ServiceAccount that deploy/ grants its RBAC to. */
    static final String STOOK_NAMESPACE = "stook-system";
    static final String STOOK_USER = "system:serviceaccount:" + STOOK_NAMESPACE + ":stook";
    /** People with no RBAC of their own: a test grants them what it needs. */
    static final String READER_USER = "reader";
    static final String OUTSIDER_USER = "outsider";
    private static final SecureRandom RANDOM = new SecureRandom();

    final String adminToken = newToken();
    final String controllerManagerToken = newToken();
    final String schedulerToken = newToken();
    final String stookToken = newToken();
    final String readerToken = newToken();
    final String outsiderToken = newToken();
    final Path tokenFile;
    final Path serviceAccountPrivateKey;
    final Path serviceAccountPublicKey;

    Credentials(Path folder) throws IOException {
        tokenFile = folder.resolve("tokens.csv");
        Files.writeString(tokenFile, String.join("\n",
                adminToken + ",admin,admin-uid,system:masters",
                controllerManagerToken + ",system:kube-controller-manager,kcm-uid",
                schedulerToken + ",system:kube-scheduler,scheduler-uid",
                stookToken + "," + STOOK_USER + ",stook-uid,\"system:serviceaccounts,system:serviceaccounts:"
                        + STOOK_NAMESPACE + "\"",
                readerToken + "," + READER_USER + ",reader-uid",
                outsiderToken + "," + OUTSIDER_USER + ",outsider-uid") + "\n");
        KeyPair keys = rsaKeyPair();
        serviceAccountPrivateKey = folder.resolve("sa.key");
        serviceAccountPublicKey = folder.resolve("sa.pub");
        Files.writeString(serviceAccountPrivateKey, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        Files.writeString(serviceAccountPublicKey, pem("PUBLIC KEY", keys.getPublic().getEncoded()));
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
