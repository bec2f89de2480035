package dev.stook.k8s.testing;

import dev.stook.k8s.testing.real.InsecureTls;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusDetailsBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;

import javax.net.ssl.SSLSocketFactory;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain-HTTP proxy in front of a real API server that injects the faults {@link FaultyApi} offers:
 * failed, conflicting, late and lost binding answers, failed and late status and event writes, failed and
 * raced pod deletions, latency, and watches silenced, dropped or expired with 410 Gone. It counts bindings and
 * records pod deletions.
 *
 * <p>Each client connection carries one request: its head and body are read, hop-by-hop and h2c upgrade
 * headers dropped, and it is sent over a new TLS connection with {@code Connection: close}, so the answer can
 * be copied back until the API server closes, without parsing its framing. WebSocket upgrades (fabric8's
 * watches) and {@code ?watch=true} streams are tunnelled both ways and can be dropped or expired.
 */
public final class FaultProxy implements FaultyApi, AutoCloseable {
    private static final Pattern BINDING = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)/binding");
    private static final Pattern POD = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)");
    private static final Pattern POD_STATUS = Pattern.compile("/api/v1/namespaces/[^/]+/pods/[^/]+/status");
    private static final Pattern EVENTS = Pattern.compile("/(api/v1|apis/events\\.k8s\\.io/v1)/namespaces/[^/]+/events");
    private static final Pattern WATCH_QUERY = Pattern.compile("(^|&)watch=(true|1)(&|$)");
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "te",
            "trailer", "transfer-encoding", "upgrade", "http2-settings", "expect");
    private static final String GONE_EVENT = "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\","
            + "\"metadata\":{},\"status\":\"Failure\",\"message\":\"too old resource version\",\"reason\":\"Expired\","
            + "\"code\":410}}";
    private static final Duration STALL_LIMIT = Duration.ofMinutes(2);
    private static final int MAX_THREADS = 512;
    private static final int MAX_BUFFERED_ANSWER = 16 * 1024 * 1024;
    private static final int REQUEST_READ_TIMEOUT_MILLIS = 30_000;

    private final URI upstream;
    private final SSLSocketFactory tls;
    private final ServerSocket server;
    private final ThreadPoolExecutor threads;
    private final Thread acceptor;
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final Set<WatchTunnel> watches = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private volatile FaultPlan faults = new FaultPlan(0, Map.of(), 0);
    private final AtomicInteger bindingRequests = new AtomicInteger();
    private final AtomicInteger failuresToInject = new AtomicInteger();
    private final AtomicInteger lostAnswersToInject = new AtomicInteger();
    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private final List<AcceptedBinding> bindingLog = new ArrayList<>();
    private final AtomicInteger watchesDropped = new AtomicInteger();
    private volatile boolean watchesSilenced;
    private final Map<String, AtomicInteger> deleteRequests = new ConcurrentHashMap<>();
    private final Map<String, Deletion> deletions = new ConcurrentHashMap<>();
    private final AtomicInteger deleteFailuresToInject = new AtomicInteger();
    private final AtomicInteger deleteRacesToInject = new AtomicInteger();
    private final Object stall = new Object();
    private int bindingsBeforeStall = Integer.MAX_VALUE;

    /** Starts proxying to {@code upstream}, an {@code https://} API server whose certificate is not checked. */
    public FaultProxy(URI upstream) {
        this.upstream = upstream;
        this.tls = InsecureTls.context().getSocketFactory();
        try {
            this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String threadPrefix = threadPrefix();
        AtomicInteger threadCount = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(0, MAX_THREADS, 10, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
            Thread thread = new Thread(task, threadPrefix + threadCount.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.acceptor = new Thread(this::acceptLoop, threadPrefix + "accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Where clients connect: {@code http://127.0.0.1:port}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** How this proxy's threads are named: the prefix, then a number or {@code accept}. */
    public String threadPrefix() {
        return "fault-proxy-" + server.getLocalPort() + "-";
    }

    /** From now on, faults and latency are drawn from the plan. */
    @Override
    public void injectFaults(FaultPlan plan) {
        faults = plan;
    }

    @Override
    public FaultPlan faults() {
        return faults;
    }

    /** The next {@code count} binding requests answer 500 and are not sent on. */
    @Override
    public void failNextBindings(int count) {
        failuresToInject.set(count);
    }

    /** The next {@code count} bindings are carried out but answer 409, as when a retried request's first try had won. */
    @Override
    public void loseNextBindingAnswers(int count) {
        lostAnswersToInject.set(count);
    }

    /**
     * After {@code count} more accepted bindings, binding requests are held, not sent on, until
     * {@link #resumeBindings()} (or two minutes), then answered 503: a scheduler can be caught with a gang
     * partly bound.
     */
    @Override
    public void stallBindingsAfter(int count) {
        synchronized (stall) {
            bindingsBeforeStall = count;
        }
    }

    @Override
    public void resumeBindings() {
        synchronized (stall) {
            bindingsBeforeStall = Integer.MAX_VALUE;
            stall.notifyAll();
        }
    }

    @Override
    public int bindingRequests() {
        return bindingRequests.get();
    }

    @Override
    public int acceptedBindings(String namespace, String name) {
        AtomicInteger count = accepted.get(namespace + "/" + name);
        return count == null ? 0 : count.get();
    }

    /** Bindings the API server accepted, by {@code namespace/name}. */
    @Override
    public Map<String, AtomicInteger> acceptedBindings() {
        return accepted;
    }

    /** Every accepted binding, in the order the API server answered them. */
    @Override
    public List<AcceptedBinding> bindingLog() {
        synchronized (bindingLog) {
            return List.copyOf(bindingLog);
        }
    }

    /** The next {@code count} pod deletions answer 500 and are not sent on. */
    @Override
    public void failNextDeletes(int count) {
        deleteFailuresToInject.set(count);
    }

    @Override
    public void raceNextDeletes(int count) {
        deleteRacesToInject.set(count);
    }

    @Override
    public int deleteRequests(String namespace, String name) {
        AtomicInteger count = deleteRequests.get(namespace + "/" + name);
        return count == null ? 0 : count.get();
    }

    @Override
    public Map<String, Deletion> deletions() {
        return deletions;
    }

    /** Watches open through the proxy now. */
    public int openWatches() {
        return watches.size();
    }

    /**
     * WebSocket watches drop the API server's events (open ones and those opened until the silence ends);
     * streamed HTTP watches go on.
     */
    @Override
    public void silenceWatches() {
        watchesSilenced = true;
        watches.forEach(WatchTunnel::silence);
    }

    /** Every open watch is reset without a word, as by a broken connection: clients must watch again. */
    @Override
    public void dropWatches() {
        watchesSilenced = false;
        for (WatchTunnel watch : watches) {
            watch.reset();
        }
        watchesDropped.incrementAndGet();
    }

    /**
     * Every open WebSocket watch gets a 410 Gone ERROR event and is closed: informers relist. Streamed HTTP
     * watches cannot be interrupted between two events by this proxy, so they are dropped instead.
     */
    @Override
    public void expireWatches() {
        watchesSilenced = false;
        for (WatchTunnel watch : watches) {
            watch.expire();
        }
        watchesDropped.incrementAndGet();
    }

    /** How many times open watches were expired or dropped. */
    @Override
    public int watchesDropped() {
        return watchesDropped.get();
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        openSockets.forEach(FaultProxy::closeQuietly);
        resumeBindings();
        threads.shutdownNow();
        try {
            acceptor.join(1_000);
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return;
            }
            openSockets.add(client);
            try {
                threads.execute(() -> serve(client));
            } catch (RejectedExecutionException e) {
                close(client);
            }
        }
    }

    private void serve(Socket client) {
        Exchange exchange = null;
        try {
            client.setTcpNoDelay(true);
            client.setSoTimeout(REQUEST_READ_TIMEOUT_MILLIS);
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = new BufferedOutputStream(client.getOutputStream());
            HttpHead request = HttpHead.read(in);
            if (request == null) {
                return;
            }
            byte[] body = request.readBody(in);
            client.setSoTimeout(0);
            exchange = new Exchange(client, in, out, request, body);
            route(exchange);
        } catch (IOException e) {
            // a client or the API server hung up: nothing to answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (exchange != null && exchange.connection != null) {
                close(exchange.connection);
            }
            close(client);
        }
    }

    private void route(Exchange exchange) throws IOException, InterruptedException {
        HttpHead request = exchange.request;
        String method = request.method();
        String path = request.path();
        Matcher binding = BINDING.matcher(path);
        Matcher pod = POD.matcher(path);
        if (request.headerHasToken("Upgrade", "websocket")) {
            tunnelWebSocket(exchange);
        } else if (method.equals("POST") && binding.matches()) {
            bind(exchange, binding.group(1), binding.group(2));
        } else if (method.equals("DELETE") && pod.matches()) {
            deletePod(exchange, pod.group(1), pod.group(2));
        } else if (method.equals("PATCH") && POD_STATUS.matcher(path).matches()) {
            statusWrite(exchange, FaultPlan.Target.POD_STATUS);
        } else if (method.equals("POST") && EVENTS.matcher(path).matches()) {
            statusWrite(exchange, FaultPlan.Target.EVENT);
        } else if (WATCH_QUERY.matcher(request.query()).find() || path.contains("/watch/")) {
            streamWatch(exchange);
        } else {
            copy(sendUpstream(exchange, false).getInputStream(), exchange.out);
        }
    }

    private void bind(Exchange exchange, String namespace, String name) throws IOException, InterruptedException {
        bindingRequests.incrementAndGet();
        if (!takeBindingSlot()) {
            awaitResume();
            answer(exchange, 503, "ServiceUnavailable", "binding stalled by the test", name);
            return;
        }
        boolean bound = false;
        try {
            FaultPlan plan = faults;
            FaultPlan.Fault fault = plan.next(FaultPlan.Target.BINDING);
            sleep(plan.latencyMillis(FaultPlan.Target.BINDING));
            if (failuresToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0 || fault == FaultPlan.Fault.SERVER_ERROR) {
                answer(exchange, 500, "InternalError", "injected failure", name);
                return;
            }
            if (fault == FaultPlan.Fault.CONFLICT) {
                answer(exchange, 409, "Conflict", "Operation cannot be fulfilled on pods/binding \"" + name
                        + "\": injected conflict", name);
                return;
            }
            BufferedAnswer answer = forwardBuffered(exchange);
            if (answer.status() / 100 != 2) {
                answer.writeTo(exchange.out);
                return;
            }
            bound = true;
            accepted.computeIfAbsent(namespace + "/" + name, k -> new AtomicInteger()).incrementAndGet();
            synchronized (bindingLog) {
                bindingLog.add(new AcceptedBinding(namespace + "/" + name, exchange.request.header("User-Agent"),
                        System.currentTimeMillis()));
            }
            if (lostAnswersToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0 || fault == FaultPlan.Fault.LOST_ANSWER) {
                answer(exchange, 409, "Conflict", "Operation cannot be fulfilled on pods/binding \"" + name
                        + "\": pod " + name + " is already assigned (injected lost answer)", name);
                return;
            }
            if (fault == FaultPlan.Fault.TIMEOUT) {
                sleep(plan.timeoutDelayMillis());
            }
            answer.writeTo(exchange.out);
        } finally {
            if (!bound) {
                giveBackBindingSlot();
            }
        }
    }

    /** False if bindings are stalled; else one of the bindings allowed before the stall is taken. */
    private boolean takeBindingSlot() {
        synchronized (stall) {
            if (bindingsBeforeStall <= 0) {
                return false;
            }
            if (bindingsBeforeStall != Integer.MAX_VALUE) {
                bindingsBeforeStall--;
            }
            return true;
        }
    }

    private void giveBackBindingSlot() {
        synchronized (stall) {
            if (bindingsBeforeStall != Integer.MAX_VALUE) {
                bindingsBeforeStall++;
            }
        }
    }

    private void awaitResume() throws InterruptedException {
        long deadline = System.nanoTime() + STALL_LIMIT.toNanos();
        synchronized (stall) {
            while (bindingsBeforeStall <= 0 && !closed) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                stall.wait(left);
            }
        }
    }

    private void deletePod(Exchange exchange, String namespace, String name) throws IOException {
        String key = namespace + "/" + name;
        deleteRequests.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        if (deleteFailuresToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer(exchange, 500, "InternalError", "injected failure", name);
            return;
        }
        Pod before = currentPod(exchange);
        BufferedAnswer answer = forwardBuffered(exchange);
        if (answer.status() / 100 != 2) {
            answer.writeTo(exchange.out);
            return;
        }
        if (before != null) {
            String options = new String(exchange.body, StandardCharsets.UTF_8);
            deletions.put(key, new Deletion(before,
                    options.isBlank() ? null : Serialization.unmarshal(options, DeleteOptions.class)));
        }
        if (deleteRacesToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer(exchange, 404, "NotFound", "pods \"" + name + "\" not found", name);
            return;
        }
        answer.writeTo(exchange.out);
    }

    /** The pod the request names, as the API server has it now and shows it to the request's sender; null if not. */
    private Pod currentPod(Exchange exchange) throws IOException {
        HttpHead get = new HttpHead("GET " + exchange.request.path() + " HTTP/1.1",
                List.of(Map.entry("Accept", "application/json")));
        String authorization = exchange.request.header("Authorization");
        if (authorization != null) {
            get.with("Authorization", authorization);
        }
        Exchange lookup = new Exchange(exchange.client, exchange.in, exchange.out, get, new byte[0]);
        BufferedAnswer answer;
        try {
            answer = forwardBuffered(lookup);
        } finally {
            if (lookup.connection != null) {
                close(lookup.connection);
            }
        }
        if (answer.status() != 200) {
            return null;
        }
        return Serialization.unmarshal(new String(answer.body(), StandardCharsets.UTF_8), Pod.class);
    }

    private void statusWrite(Exchange exchange, FaultPlan.Target target) throws IOException, InterruptedException {
        FaultPlan plan = faults;
        FaultPlan.Fault fault = plan.next(target);
        if (fault == FaultPlan.Fault.TIMEOUT) {
            BufferedAnswer answer = forwardBuffered(exchange);
            sleep(plan.timeoutDelayMillis());
            answer.writeTo(exchange.out);
            return;
        }
        sleep(plan.latencyMillis(target));
        if (fault == FaultPlan.Fault.SERVER_ERROR) {
            answer(exchange, 500, "InternalError", "injected failure", null);
            return;
        }
        copy(sendUpstream(exchange, false).getInputStream(), exchange.out);
    }

    private void streamWatch(Exchange exchange) throws IOException {
        Socket up = sendUpstream(exchange, false);
        WatchTunnel watch = new WatchTunnel(exchange.client, exchange.connection, null);
        tunnel(watch, exchange, () -> copy(up.getInputStream(), exchange.out));
    }

    private void tunnelWebSocket(Exchange exchange) throws IOException {
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
        boolean isWatch = WATCH_QUERY.matcher(exchange.request.query()).find();
        tunnel(isWatch ? new WatchTunnel(exchange.client, exchange.connection, relay) : null, exchange, relay::run);
    }

    /**
     * Copies what the client sends to the API server on another thread while {@code fromServer} copies the
     * other way here, until either side stops; the watch, if any, is open to {@link #dropWatches()} meanwhile.
     */
    private void tunnel(WatchTunnel watch, Exchange exchange, IoAction fromServer) throws IOException {
        if (watch != null) {
            watches.add(watch);
            if (watchesSilenced) {
                watch.silence();
            }
        }
        try {
            threads.execute(() -> {
                try {
                    copy(exchange.in, exchange.upstream.getOutputStream());
                } catch (IOException e) {
                    // either side hung up
                } finally {
                    close(exchange.connection);
                    close(exchange.client);
                }
            });
            fromServer.run();
        } catch (RejectedExecutionException e) {
            throw new IOException("no thread for the client's side of the tunnel", e);
        } finally {
            if (watch != null) {
                watches.remove(watch);
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
        openSockets.add(connection);
        exchange.connection = connection;
        if (closed) {
            close(connection);
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

    /** Sends the request on and reads the whole answer: the request has been carried out when this returns. */
    private BufferedAnswer forwardBuffered(Exchange exchange) throws IOException {
        Socket up = sendUpstream(exchange, false);
        InputStream in = new BufferedInputStream(up.getInputStream());
        HttpHead head = HttpHead.read(in);
        if (head == null) {
            throw new IOException("the API server closed without answering");
        }
        byte[] rest = in.readNBytes(MAX_BUFFERED_ANSWER);
        close(exchange.connection);
        return new BufferedAnswer(head, rest);
    }

    private void answer(Exchange exchange, int code, String reason, String message, String name) throws IOException {
        Status status = new StatusBuilder().withNewMetadata().endMetadata().withStatus("Failure")
                .withCode(code).withReason(reason).withMessage(message).build();
        if (name != null) {
            status.setDetails(new StatusDetailsBuilder().withName(name).withKind("pods").build());
        }
        byte[] body = Serialization.asJson(status).getBytes(StandardCharsets.UTF_8);
        new HttpHead("HTTP/1.1 " + code + " " + reasonPhrase(code), List.of(
                Map.entry("Content-Type", "application/json"),
                Map.entry("Content-Length", Integer.toString(body.length)),
                Map.entry("Connection", "close"))).writeTo(exchange.out);
        exchange.out.write(body);
        exchange.out.flush();
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

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            out.flush();
        }
    }

    private static void sleep(long millis) throws InterruptedException {
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private void close(Socket socket) {
        closeQuietly(socket);
        openSockets.remove(socket);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing anyway
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    /** One client request being served, and the API server connection it was sent on, once it was. */
    private static final class Exchange {
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
    }

    private record BufferedAnswer(HttpHead head, byte[] rest) {
        int status() {
            return head.status();
        }

        void writeTo(OutputStream out) throws IOException {
            head.writeTo(out);
            out.write(rest);
            out.flush();
        }

        /** The body without its chunked framing, if it had one. */
        byte[] body() throws IOException {
            boolean endsWithTheConnection = head.header("Content-Length") == null
                    && !head.headerHasToken("Transfer-Encoding", "chunked");
            return endsWithTheConnection ? rest : head.readBody(new ByteArrayInputStream(rest));
        }
    }

    /** An open watch: both connections, and the relay through which a WebSocket watch can be silenced or expired. */
    private final class WatchTunnel {
        final Socket client;
        final Socket upstream;
        final WebSocketRelay relay;

        WatchTunnel(Socket client, Socket upstreamConnection, WebSocketRelay relay) {
            this.client = client;
            this.upstream = upstreamConnection;
            this.relay = relay;
        }

        /** Only a WebSocket watch can be silenced: a streamed one is not parsed into events here. */
        void silence() {
            if (relay != null) {
                relay.silence();
            }
        }

        void expire() {
            if (relay != null) {
                relay.endWith(GONE_EVENT);
            }
            close();
        }

        void close() {
            FaultProxy.this.close(upstream);
            FaultProxy.this.close(client);
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
}
