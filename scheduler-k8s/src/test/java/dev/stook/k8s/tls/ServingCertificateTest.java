package dev.stook.k8s.tls;

import dev.stook.k8s.health.HealthServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServingCertificateTest {
    @TempDir
    Path folder;

    @Test
    void aConfiguredCertificateIsServedAndVerifiesAgainstItself() throws Exception {
        SelfSignedCertificate made = SelfSignedCertificate.make("stook-test");
        Path cert = Files.writeString(folder.resolve("tls.crt"), pem("CERTIFICATE", made.certificate().getEncoded()));
        Path key = Files.writeString(folder.resolve("tls.key"), pem("PRIVATE KEY", made.keys().getPrivate().getEncoded()));

        assertThat(healthz(ServingCertificate.context(cert, key), ClientTrust.authority(cert))).isEqualTo(200);
    }

    @Test
    void aPkcs1RsaKeyAsCertManagerWritesItIsRead() throws Exception {
        SelfSignedCertificate made = SelfSignedCertificate.make("stook-test", SelfSignedCertificate.KeyKind.RSA_2048);
        Path cert = Files.writeString(folder.resolve("tls.crt"), pem("CERTIFICATE", made.certificate().getEncoded()));
        byte[] pkcs1 = pkcs1Of(made.keys().getPrivate().getEncoded());
        Path key = Files.writeString(folder.resolve("tls.key"), pem("RSA PRIVATE KEY", pkcs1));

        assertThat(healthz(ServingCertificate.context(cert, key), ClientTrust.authority(cert))).isEqualTo(200);
    }

    @Test
    void aSelfSignedCertificateIsNotTrustedByTheJdkAuthorities() throws Exception {
        SSLContext selfSigned = ServingCertificate.context(null, null);

        assertThatThrownBy(() -> healthz(selfSigned, ClientTrust.systemDefault()))
                .isInstanceOf(SSLHandshakeException.class);
        assertThat(healthz(selfSigned, ClientTrust.anyone())).isEqualTo(200);
    }

    @Test
    void aFileWithoutAKeyIsRefusedNamingIt() throws Exception {
        SelfSignedCertificate made = SelfSignedCertificate.make("stook-test");
        Path cert = Files.writeString(folder.resolve("tls.crt"), pem("CERTIFICATE", made.certificate().getEncoded()));

        assertThatThrownBy(() -> ServingCertificate.context(cert, cert))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(cert + " holds no PEM \"PRIVATE KEY\" (PKCS#8) or \"RSA PRIVATE KEY\" block");
    }

    private static int healthz(SSLContext server, SSLContext client) throws Exception {
        try (HealthServer health = HealthServer.secure(0, server, () -> true, Map.of())) {
            health.start();
            return HttpClient.newBuilder().sslContext(client).build().send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + health.port() + "/healthz")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    private static byte[] pkcs1Of(byte[] pkcs8) {
        // SEQUENCE { INTEGER 0, AlgorithmIdentifier, OCTET STRING { RSAPrivateKey } }: skip to the octet string.
        int at = headerLength(pkcs8, 0);
        at += totalLength(pkcs8, at);
        at += totalLength(pkcs8, at);
        int contentStart = at + headerLength(pkcs8, at);
        return Arrays.copyOfRange(pkcs8, contentStart, at + totalLength(pkcs8, at));
    }

    private static int headerLength(byte[] der, int at) {
        int first = der[at + 1] & 0xff;
        return first < 0x80 ? 2 : 2 + (first & 0x7f);
    }

    private static int totalLength(byte[] der, int at) {
        int first = der[at + 1] & 0xff;
        if (first < 0x80) {
            return 2 + first;
        }
        int length = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            length = (length << 8) | (der[at + 2 + i] & 0xff);
        }
        return headerLength(der, at) + length;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
