package dev.stook.k8s.testing;

import java.io.IOException;
import java.net.Socket;
import java.util.List;

/** An open watch: both connections, and the relay through which a WebSocket watch can be silenced or expired. */
final class WatchTunnel {
    private static final String GONE_EVENT = "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\","
            + "\"metadata\":{},\"status\":\"Failure\",\"message\":\"too old resource version\",\"reason\":\"Expired\","
            + "\"code\":410}}";

    private final Socket client;
    private final Socket upstream;
    private final WebSocketRelay relay;
    private final ProxyServer server;

    /** {@code relay} is null for a streamed HTTP watch. */
    WatchTunnel(Socket client, Socket upstreamConnection, WebSocketRelay relay, ProxyServer server) {
        this.client = client;
        this.upstream = upstreamConnection;
        this.relay = relay;
        this.server = server;
    }

    /** Only a WebSocket watch can be silenced: a streamed one is not parsed into events here. */
    void silence() {
        if (relay != null) {
            relay.silence();
        }
    }

    /** A WebSocket watch is sent a 410 Gone ERROR event first; then both connections are closed. */
    void expire() {
        if (relay != null) {
            relay.endWith(GONE_EVENT);
        }
        close();
    }

    private void close() {
        server.close(upstream);
        server.close(client);
    }

    /**
     * Resets both connections, as a broken network would. A plain close is not enough: the JDK WebSocket
     * client can miss an end of stream that arrives while no message is asked for, and then waits forever.
     */
    void reset() {
        for (Socket socket : List.of(upstream, client)) {
            try {
                socket.setSoLinger(true, 0);
            } catch (IOException e) {
                // already closed
            }
        }
        close();
    }
}
