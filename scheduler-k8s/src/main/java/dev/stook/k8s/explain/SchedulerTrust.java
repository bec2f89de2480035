package dev.stook.k8s.explain;

import dev.stook.k8s.tls.ClientTrust;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.nio.file.Path;

/**
 * Whom {@code stook explain} trusts to be the scheduler before it sends the caller's token: the given authority;
 * on loopback, any certificate (that is {@code kubectl port-forward}, a tunnel the API server authenticated, to
 * a scheduler that by default has a self-signed certificate); elsewhere the JDK's authorities, unless told to
 * skip verification.
 */
public final class SchedulerTrust {
    private SchedulerTrust() {
    }

    public static SSLContext of(URI scheduler, Path certificateAuthority, boolean skipVerification) {
        if (certificateAuthority != null) {
            return ClientTrust.authority(certificateAuthority);
        }
        if (skipVerification || isLoopback(scheduler.getHost())) {
            return ClientTrust.anyone();
        }
        return ClientTrust.systemDefault();
    }

    private static boolean isLoopback(String host) {
        return host != null && (host.equals("localhost") || host.matches("127(\\.\\d{1,3}){3}")
                || host.equals("[::1]") || host.equals("::1"));
    }
}
