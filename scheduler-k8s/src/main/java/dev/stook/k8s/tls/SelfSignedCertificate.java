package dev.stook.k8s.tls;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A serving certificate made at start-up when none is configured, as kube-scheduler makes one, signed by its
 * own key, for {@code localhost}, {@code 127.0.0.1} and the host's name. Clients cannot verify it against any
 * authority; they skip verification (Prometheus' {@code insecureSkipVerify}, the kubelet's HTTPS probes) or are
 * given this certificate. Stook's own is ECDSA P-256, not kube-scheduler's RSA 2048: making an RSA key in a
 * freshly started JVM took 0.7 to 6 s of cpu, an ECDSA key a fifth of that.
 */
public record SelfSignedCertificate(KeyPair keys, X509Certificate certificate) {
    /** The key kinds a certificate can be made with: ECDSA for Stook's own, RSA where a test needs one. */
    public enum KeyKind {
        ECDSA_P256("EC", new ECGenParameterSpec("secp256r1"), "SHA256withECDSA",
                Der.sequence(Der.oid("1.2.840.10045.4.3.2"))),
        RSA_2048("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), "SHA256withRSA",
                Der.sequence(Der.oid("1.2.840.113549.1.1.11"), Der.nothing()));

        private final String keyAlgorithm;
        private final AlgorithmParameterSpec keySpec;
        private final String signatureAlgorithm;
        /** The AlgorithmIdentifier of the signature: ECDSA's has no parameters, RSA's a NULL. */
        private final byte[] signatureIdentifier;

        KeyKind(String keyAlgorithm, AlgorithmParameterSpec keySpec, String signatureAlgorithm,
                byte[] signatureIdentifier) {
            this.keyAlgorithm = keyAlgorithm;
            this.keySpec = keySpec;
            this.signatureAlgorithm = signatureAlgorithm;
            this.signatureIdentifier = signatureIdentifier;
        }
    }

    private static final String COMMON_NAME = "2.5.4.3";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final Duration VALIDITY = Duration.ofDays(365);

    public static SelfSignedCertificate make(String hostName) throws GeneralSecurityException {
        return make(hostName, KeyKind.ECDSA_P256);
    }

    public static SelfSignedCertificate make(String hostName, KeyKind kind) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(kind.keyAlgorithm);
        generator.initialize(kind.keySpec);
        KeyPair keys = generator.generateKeyPair();
        Instant now = Instant.now();
        byte[] algorithm = kind.signatureIdentifier;
        byte[] name = Der.sequence(Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8("stook@" + hostName))));
        byte[] toBeSigned = Der.sequence(
                Der.explicit(0, Der.integer(BigInteger.TWO)),
                Der.integer(new BigInteger(63, new SecureRandom())),
                algorithm,
                name,
                Der.sequence(Der.utcTime(now.minus(Duration.ofHours(1))), Der.utcTime(now.plus(VALIDITY))),
                name,
                keys.getPublic().getEncoded(),
                Der.explicit(3, Der.sequence(Der.sequence(Der.oid(SUBJECT_ALT_NAME),
                        Der.octetString(alternativeNames(hostName))))));
        Signature signer = Signature.getInstance(kind.signatureAlgorithm);
        signer.initSign(keys.getPrivate());
        signer.update(toBeSigned);
        byte[] der = Der.sequence(toBeSigned, algorithm, Der.bitString(signer.sign()));
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
        return new SelfSignedCertificate(keys, certificate);
    }

    private static byte[] alternativeNames(String hostName) {
        List<byte[]> names = new ArrayList<>();
        names.add(Der.implicit(2, "localhost".getBytes(StandardCharsets.US_ASCII)));
        if (!hostName.equals("localhost") && hostName.matches("[A-Za-z0-9.-]{1,253}")) {
            names.add(Der.implicit(2, hostName.getBytes(StandardCharsets.US_ASCII)));
        }
        names.add(Der.implicit(7, InetAddress.getLoopbackAddress().getAddress()));
        return Der.sequence(names.toArray(byte[][]::new));
    }
}
