package dev.stook.k8s.testing;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain-HTTP proxy in front of a real API server that injects the faults {@link FaultyApi} offers:
 * failed, conflicting, late and lost binding answers, failed and late status and event writes, failed and
 * raced pod evictions, latency, watches silenced, dropped or expired with 410 Gone, and one client's Lease
 * requests cut off while its others go through. It counts bindings and
 * records pod evictions.
 *
 * <p>Each client connection carries one request, which {@link ApiServerForwarder} sends on to the API server.
 */
public final class FaultProxy implements FaultyApi, AutoCloseable {
    private static final Pattern BINDING = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)/binding");
    private static final Pattern EVICTION = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)/eviction");
    private static final Pattern POD_STATUS = Pattern.compile("/api/v1/namespaces/[^/]+/pods/[^/]+/status");
    private static final Pattern EVENTS = Pattern.compile("/(api/v1|apis/events\\.k8s\\.io/v1)/namespaces/[^/]+/events");

    private final ProxyServer server = new ProxyServer();
    private final OpenWatches watches = new OpenWatches();
    private final ApiServerForwarder forwarder;
    private final BindingStall stall = new BindingStall(server::isClosed);
    private final BindingLedger bindings;
    private final EvictionLedger evictions;
    private final StatusWriteFaults statusWrites;
    private final LeasePartition leases = new LeasePartition();
    private volatile FaultPlan faults = new FaultPlan(0, Map.of(), 0);

    /** Starts proxying to {@code upstream}, an {@code https://} API server whose certificate is not checked. */
    public FaultProxy(URI upstream) {
        this.forwarder = new ApiServerForwarder(upstream, server, watches);
        this.bindings = new BindingLedger(forwarder, this::faults, stall);
        this.evictions = new EvictionLedger(forwarder);
        this.statusWrites = new StatusWriteFaults(forwarder, this::faults);
        server.start(this::route);
    }

    /** Where clients connect: {@code http://127.0.0.1:port}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** How this proxy's threads are named: the prefix, then a number or {@code accept}. */
    public String threadPrefix() {
        return server.threadPrefix();
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
        bindings.failNext(count);
    }

    /** The next {@code count} bindings are carried out but answer 409, as when a retried request's first try had won. */
    @Override
    public void loseNextBindingAnswers(int count) {
        bindings.loseNextAnswers(count);
    }

    /**
     * After {@code count} more accepted bindings, binding requests are held, not sent on, until
     * {@link #resumeBindings()} (or two minutes), then answered 503: a scheduler can be caught with a gang
     * partly bound.
     */
    @Override
    public void stallBindingsAfter(int count) {
        stall.stallAfter(count);
    }

    @Override
    public void resumeBindings() {
        stall.resume();
    }

    @Override
    public int bindingRequests() {
        return bindings.requests();
    }

    @Override
    public int acceptedBindings(String namespace, String name) {
        return bindings.accepted(namespace, name);
    }

    /** Bindings the API server accepted, by {@code namespace/name}. */
    @Override
    public Map<String, AtomicInteger> acceptedBindings() {
        return bindings.accepted();
    }

    /** Every accepted binding, in the order the API server answered them. */
    @Override
    public List<AcceptedBinding> bindingLog() {
        return bindings.log();
    }

    /** The next {@code count} pod evictions answer 500 and are not sent on. */
    @Override
    public void failNextEvictions(int count) {
        evictions.failNext(count);
    }

    @Override
    public void raceNextEvictions(int count) {
        evictions.raceNext(count);
    }

    @Override
    public int evictionRequests(String namespace, String name) {
        return evictions.requests(namespace, name);
    }

    @Override
    public Map<String, Evicted> evictions() {
        return evictions.evictions();
    }

    /** Watches open through the proxy now. */
    public int openWatches() {
        return watches.count();
    }

    /**
     * WebSocket watches drop the API server's events (open ones and those opened until the silence ends);
     * streamed HTTP watches go on.
     */
    @Override
    public void silenceWatches() {
        watches.silence();
    }

    /** Every open watch is reset without a word, as by a broken connection: clients must watch again. */
    @Override
    public void dropWatches() {
        watches.drop();
    }

    /**
     * Every open WebSocket watch gets a 410 Gone ERROR event and is closed: informers relist. Streamed HTTP
     * watches cannot be interrupted between two events by this proxy, so they are dropped instead.
     */
    @Override
    public void expireWatches() {
        watches.expire();
    }

    /** How many times open watches were expired or dropped. */
    @Override
    public int watchesDropped() {
        return watches.dropped();
    }

    @Override
    public void cutOffLeases(String client) {
        leases.cutOff(client);
    }

    @Override
    public void close() {
        server.close();
        resumeBindings();
        server.stopThreads();
    }

    private void route(Exchange exchange) throws IOException, InterruptedException {
        HttpHead request = exchange.request;
        String method = request.method();
        String path = request.path();
        Matcher binding = BINDING.matcher(path);
        Matcher eviction = EVICTION.matcher(path);
        if (LeasePartition.isLeaseRequest(request) && leases.refuse(exchange)) {
            return;
        }
        if (request.headerHasToken("Upgrade", "websocket")) {
            forwarder.tunnelWebSocket(exchange);
        } else if (method.equals("POST") && binding.matches()) {
            bindings.bind(exchange, binding.group(1), binding.group(2));
        } else if (method.equals("POST") && eviction.matches()) {
            evictions.evict(exchange, eviction.group(1), eviction.group(2));
        } else if (method.equals("PATCH") && POD_STATUS.matcher(path).matches()) {
            statusWrites.write(exchange, FaultPlan.Target.POD_STATUS);
        } else if (method.equals("POST") && EVENTS.matcher(path).matches()) {
            statusWrites.write(exchange, FaultPlan.Target.EVENT);
        } else if (ApiServerForwarder.asksToWatch(request) || path.contains("/watch/")) {
            forwarder.streamWatch(exchange);
        } else {
            forwarder.forward(exchange);
        }
    }
}
