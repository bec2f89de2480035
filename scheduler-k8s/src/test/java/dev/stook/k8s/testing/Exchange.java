package dev.stook.k8s.testing;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusDetailsBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** One client request being served, and the API server connection it was sent on, once it was. */
final class Exchange {
    final Socket client;
    final InputStream in;
    final OutputStream out;
    final HttpHead request;
    final byte[] body;
    /** TLS over {@link #connection}. */
    Socket upstream;
    /**
     * Closed instead of the TLS socket: closing an SSLSocket can wait for a thread reading it, closing
     * the connection under it does not.
     */
    Socket connection;

    Exchange(Socket client, InputStream in, OutputStream out, HttpHead request, byte[] body) {
        this.client = client;
        this.in = in;
        this.out = out;
        this.request = request;
        this.body = body;
    }

    /** Answers the client with a failure Status instead of the API server; {@code name}, if any, is the pod's. */
    void answer(int code, String reason, String message, String name) throws IOException {
        Status status = new StatusBuilder().withNewMetadata().endMetadata().withStatus("Failure")
                .withCode(code).withReason(reason).withMessage(message).build();
        if (name != null) {
            status.setDetails(new StatusDetailsBuilder().withName(name).withKind("pods").build());
        }
        byte[] body = Serialization.asJson(status).getBytes(StandardCharsets.UTF_8);
        new HttpHead("HTTP/1.1 " + code + " " + reasonPhrase(code), List.of(
                Map.entry("Content-Type", "application/json"),
                Map.entry("Content-Length", Integer.toString(body.length)),
                Map.entry("Connection", "close"))).writeTo(out);
        out.write(body);
        out.flush();
    }

    /** Holds the exchange up, as injected latency or a late answer. */
    void holdFor(long millis) throws InterruptedException {
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static String reasonPhrase(int code) {
        return switch (code) {
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Error";
        };
    }
}
