package dev.stook.k8s.testing;


import dev.stook.k8s.tls.ClientTrust;

import javax.net.ssl.SSLSocketFactory;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Pattern;

/**
 * Sends requests on to the API server. Each goes over a new TLS connection with its hop-by-hop and h2c upgrade
 * headers dropped and {@code Connection: close}, so the answer can be copied back until the API server closes,
 * without parsing its framing. WebSocket upgrades (fabric8's watches) and {@code ?watch=true} streams are
 * tunnelled both ways, open to {@link OpenWatches} meanwhile.
 */
final class ApiServerForwarder {
    private static final Pattern WATCH_QUERY = Pattern.compile("(^|&)watch=(true|1)(&|$)");
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "te",
            "trailer", "transfer-encoding", "upgrade", "http2-settings", "expect");
    private static final int MAX_BUFFERED_ANSWER = 16 * 1024 * 1024;

    private final URI upstream;
    private final SSLSocketFactory tls;
    private final ProxyServer server;
    private final OpenWatches watches;

    /** {@code upstream} is an {@code https://} API server whose certificate is not checked. */
    ApiServerForwarder(URI upstream, ProxyServer server, OpenWatches watches) {
        this.upstream = upstream;
        this.tls = ClientTrust.anyone().getSocketFactory();
        this.server = server;
        this.watches = watches;
    }

    /** Whether the request asks for {@code ?watch=true}. */
    static boolean asksToWatch(HttpHead request) {
        return WATCH_QUERY.matcher(request.query()).find();
    }

    /** Sends the request on and copies the answer back as it comes. */
    void forward(Exchange exchange) throws IOException {
        copy(sendUpstream(exchange, false).getInputStream(), exchange.out);
    }

    /** Sends the request on and reads the whole answer: the request has been carried out when this returns. */
    BufferedAnswer forwardBuffered(Exchange exchange) throws IOException {
        Socket up = sendUpstream(exchange, false);
        InputStream in = new BufferedInputStream(up.getInputStream());
        HttpHead head = HttpHead.read(in);
        if (head == null) {
            throw new IOException("the API server closed without answering");
        }
        byte[] rest = in.readNBytes(MAX_BUFFERED_ANSWER);
        server.close(exchange.connection);
        return new BufferedAnswer(head, rest);
    }

    /** Closes the API server connection the exchange was sent on, if it was. */
    void hangUp(Exchange exchange) {
        if (exchange.connection != null) {
            server.close(exchange.connection);
        }
    }

    void streamWatch(Exchange exchange) throws IOException {
        Socket up = sendUpstream(exchange, false);
        WatchTunnel watch = new WatchTunnel(exchange.client, exchange.connection, null, server);
        tunnel(watch, exchange, () -> copy(up.getInputStream(), exchange.out));
    }

    void tunnelWebSocket(Exchange exchange) throws IOException {
        Socket up = sendUpstream(exchange, true);
        InputStream fromServer = new BufferedInputStream(up.getInputStream());
        HttpHead response = HttpHead.read(fromServer);
        if (response == null) {
            return;
        }
        response.writeTo(exchange.out);
        exchange.out.flush();
        if (response.status() != 101) {
            copy(fromServer, exchange.out);
            return;
        }
        WebSocketRelay relay = new WebSocketRelay(fromServer, exchange.out);
        boolean isWatch = asksToWatch(exchange.request);
        tunnel(isWatch ? new WatchTunnel(exchange.client, exchange.connection, relay, server) : null, exchange,
                relay::run);
    }

    /**
     * Copies what the client sends to the API server on another thread while {@code fromServer} copies the
     * other way here, until either side stops; the watch, if any, is open to {@link OpenWatches#drop()} meanwhile.
     */
    private void tunnel(WatchTunnel watch, Exchange exchange, IoAction fromServer) throws IOException {
        if (watch != null) {
            watches.opened(watch);
        }
        try {
            server.execute(() -> {
                try {
                    copy(exchange.in, exchange.upstream.getOutputStream());
                } catch (IOException e) {
                    // either side hung up
                } finally {
                    server.close(exchange.connection);
                    server.close(exchange.client);
                }
            });
            fromServer.run();
        } catch (RejectedExecutionException e) {
            throw new IOException("no thread for the client's side of the tunnel", e);
        } finally {
            if (watch != null) {
                watches.closed(watch);
            }
        }
    }

    /** Sends the request on to the API server over a new connection, closed when the exchange ends. */
    private Socket sendUpstream(Exchange exchange, boolean webSocket) throws IOException {
        HttpHead head = exchange.request.copy();
        String connectionHeader = head.header("Connection");
        if (connectionHeader != null) {
            for (String token : connectionHeader.split(",")) {
                head.without(token.trim());
            }
        }
        HOP_BY_HOP.forEach(head::without);
        head.with("Host", upstream.getHost() + ":" + upstream.getPort());
        if (webSocket) {
            head.with("Upgrade", "websocket").with("Connection", "Upgrade");
        } else {
            head.with("Connection", "close");
        }
        if (exchange.body.length > 0 || exchange.request.header("Content-Length") != null) {
            head.with("Content-Length", Integer.toString(exchange.body.length));
        }
        Socket connection = new Socket();
        exchange.connection = connection;
        if (!server.track(connection)) {
            throw new IOException("proxy closed");
        }
        connection.setTcpNoDelay(true);
        connection.connect(new InetSocketAddress(upstream.getHost(), upstream.getPort()));
        Socket up = tls.createSocket(connection, upstream.getHost(), upstream.getPort(), true);
        exchange.upstream = up;
        OutputStream out = new BufferedOutputStream(up.getOutputStream());
        head.writeTo(out);
        out.write(exchange.body);
        out.flush();
        return up;
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            out.flush();
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}
