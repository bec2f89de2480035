package dev.stook.k8s.tls;

import dev.stook.k8s.startup.StartupThread;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The TLS identity of Stook's secure port: the configured certificate and key, or else a self-signed
 * certificate made now (kube-scheduler does the same without {@code --tls-cert-file}).
 */
public final class ServingCertificate {
    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    private ServingCertificate() {
    }

    /**
     * The context, read at once from configured files, so a bad certificate is reported before anything starts;
     * a self-signed one is made on another thread, off start-up's path.
     *
     * @throws IllegalArgumentException naming the file when a configured certificate cannot be used
     */
    public static CompletableFuture<SSLContext> prepare(Path certFile, Path keyFile) {
        return certFile == null ? CompletableFuture.supplyAsync(() -> context((Path) null, null),
                StartupThread.named("stook-serving-certificate"))
                : CompletableFuture.completedFuture(context(certFile, keyFile));
    }

    /**
     * @param certFile PEM chain, leaf first; null with {@code keyFile} null for a self-signed certificate
     * @throws IllegalArgumentException naming the file when it cannot be used
     */
    public static SSLContext context(Path certFile, Path keyFile) {
        try {
            if (certFile == null) {
                SelfSignedCertificate made = SelfSignedCertificate.make(hostName());
                return context(made.keys().getPrivate(), List.of(made.certificate()));
            }
            return context(PemFiles.privateKey(keyFile), PemFiles.certificates(certFile));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the serving certificate or key: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the serving certificate " + certFile + " with key " + keyFile
                    + ": " + e.getMessage(), e);
        }
    }

    private static SSLContext context(PrivateKey key, List<Certificate> chain) throws GeneralSecurityException,
            IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("serving", key, IN_MEMORY, chain.toArray(Certificate[]::new));
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, IN_MEMORY);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
