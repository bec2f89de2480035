package dev.stook.k8s.testing;

import io.fabric8.kubernetes.api.model.Binding;
import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.ByteString;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CRUD mock API server plus what it lacks: {@code POST pods/{name}/binding} with the API server's
 * semantics (sets {@code spec.nodeName}; 409 if already bound or being deleted; 404 if gone), counts of
 * accepted bindings per pod, injected binding faults, a record of pod deletions (the pod as it was, the
 * delete options sent) with injected delete faults, and watches that can be silenced and then expired
 * with 410 Gone so informers must relist, or dropped so they must watch again. A {@link FaultPlan} adds
 * random faults and latency to bindings and status writes; bindings can be stalled to catch a scheduler
 * mid-way through a gang.
 */
public final class MockApiDispatcher extends KubernetesCrudDispatcher implements FaultyApi {
    private static final Pattern BINDING = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/?]+)/binding(\\?.*)?");
    private static final Pattern POD = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/?]+)(\\?.*)?");
    private static final Pattern POD_STATUS = Pattern.compile("/api/v1/namespaces/[^/]+/pods/[^/?]+/status(\\?.*)?");
    private static final Pattern EVENTS = Pattern.compile("/apis/events.k8s.io/v1/namespaces/[^/]+/events(\\?.*)?");
    private static final Duration STALLED_ANSWER_DELAY = Duration.ofMinutes(2);

    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private final List<AcceptedBinding> bindingLog = new ArrayList<>();
    private volatile FaultPlan faults = new FaultPlan(0, Map.of(), 0);
    private int bindingsBeforeStall = Integer.MAX_VALUE;
    private final AtomicInteger bindingRequests = new AtomicInteger();
    private final AtomicInteger failuresToInject = new AtomicInteger();
    private final AtomicInteger lostAnswersToInject = new AtomicInteger();
    private final Map<String, AtomicInteger> deleteRequests = new ConcurrentHashMap<>();
    private final Map<String, Deletion> deletions = new ConcurrentHashMap<>();
    private final AtomicInteger deleteFailuresToInject = new AtomicInteger();
    private final AtomicInteger deleteRacesToInject = new AtomicInteger();
    private final List<GatedSocket> watchSockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger watchesDropped = new AtomicInteger();
    private volatile boolean watchesSilenced;
    private volatile boolean eventsDiscarded;

    /**
     * Events are accepted but not stored. The CRUD mock finds objects by scanning all it holds, so
     * thousands of stored Events would slow every request of a large test.
     */
    public void discardEvents() {
        eventsDiscarded = true;
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

    /**
     * After {@code count} more accepted bindings, binding requests are neither carried out nor answered
     * (until {@link #resumeBindings()}), so a scheduler can be caught with a gang partly bound.
     */
    @Override
    public synchronized void stallBindingsAfter(int count) {
        bindingsBeforeStall = count;
    }

    @Override
    public synchronized void resumeBindings() {
        bindingsBeforeStall = Integer.MAX_VALUE;
    }

    /** Every accepted binding, in the order the server carried them out. */
    @Override
    public synchronized List<AcceptedBinding> bindingLog() {
        return List.copyOf(bindingLog);
    }

    /** The next {@code count} binding requests answer 500 and bind nothing. */
    @Override
    public void failNextBindings(int count) {
        failuresToInject.set(count);
    }

    /** The next {@code count} bindings succeed but answer 409, as when a retried request's first try had won. */
    @Override
    public void loseNextBindingAnswers(int count) {
        lostAnswersToInject.set(count);
    }

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

    @Override
    public int acceptedBindings(String namespace, String name) {
        AtomicInteger count = accepted.get(namespace + "/" + name);
        return count == null ? 0 : count.get();
    }

    @Override
    public Map<String, AtomicInteger> acceptedBindings() {
        return accepted;
    }

    @Override
    public int bindingRequests() {
        return bindingRequests.get();
    }

    @Override
    public void silenceWatches() {
        watchesSilenced = true;
    }

    /** Every open watch gets a 410 Gone error and is closed: informers relist. */
    @Override
    public void expireWatches() {
        watchesSilenced = false;
        for (GatedSocket socket : watchSockets) {
            socket.sendThenClose("{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\","
                    + "\"status\":\"Failure\",\"code\":410,\"reason\":\"Expired\",\"message\":\"too old resource version\"}}",
                    "expired");
        }
        watchSockets.clear();
        watchesDropped.incrementAndGet();
    }

    /** Every open watch is closed without a word, as by a broken connection: clients must watch again. */
    @Override
    public void dropWatches() {
        watchesSilenced = false;
        for (GatedSocket socket : watchSockets) {
            socket.sendThenClose(null, "dropped");
        }
        watchSockets.clear();
        watchesDropped.incrementAndGet();
    }

    /** How many times open watches were expired or dropped. */
    @Override
    public int watchesDropped() {
        return watchesDropped.get();
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        Matcher binding = BINDING.matcher(request.getPath());
        if (request.method() == HttpMethod.POST && binding.matches()) {
            return bind(binding.group(1), binding.group(2), request);
        }
        Matcher pod = POD.matcher(request.getPath());
        if (request.method() == HttpMethod.DELETE && pod.matches()) {
            return delete(pod.group(1), pod.group(2), request);
        }
        if (request.method() == HttpMethod.PATCH && POD_STATUS.matcher(request.getPath()).matches()) {
            return statusWrite(FaultPlan.Target.POD_STATUS, request);
        }
        if (request.method() == HttpMethod.POST && EVENTS.matcher(request.getPath()).matches()) {
            return statusWrite(FaultPlan.Target.EVENT, request);
        }
        return super.dispatch(request);
    }

    private MockResponse statusWrite(FaultPlan.Target target, RecordedRequest request) {
        FaultPlan plan = faults;
        return switch (plan.next(target)) {
            case SERVER_ERROR -> delayed(status(500, "InternalError", "injected failure"), plan.latencyMillis(target));
            case TIMEOUT -> delayed(carryOut(target, request), plan.timeoutDelayMillis());
            default -> delayed(carryOut(target, request), plan.latencyMillis(target));
        };
    }

    private MockResponse carryOut(FaultPlan.Target target, RecordedRequest request) {
        if (target == FaultPlan.Target.EVENT && eventsDiscarded) {
            return new MockResponse().setResponseCode(201).setBody(request.getUtf8Body());
        }
        return super.dispatch(request);
    }

    private static MockResponse delayed(MockResponse response, long millis) {
        return millis == 0 ? response : response.setBodyDelay(Duration.ofMillis(millis));
    }

    @Override
    public MockResponse handleWatch(String path) {
        MockResponse response = super.handleWatch(path);
        return response.withWebSocketUpgrade(new GatingListener(response.getWebSocketListener()));
    }

    private synchronized MockResponse bind(String namespace, String name, RecordedRequest request) {
        bindingRequests.incrementAndGet();
        if (bindingsBeforeStall <= 0) {
            return delayed(status(503, "ServiceUnavailable", "stalled"), STALLED_ANSWER_DELAY.toMillis());
        }
        FaultPlan plan = faults;
        FaultPlan.Fault fault = plan.next(FaultPlan.Target.BINDING);
        long latency = plan.latencyMillis(FaultPlan.Target.BINDING);
        if (failuresToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0 || fault == FaultPlan.Fault.SERVER_ERROR) {
            return delayed(status(500, "InternalError", "injected failure"), latency);
        }
        if (fault == FaultPlan.Fault.CONFLICT) {
            return delayed(status(409, "Conflict", "pod " + name + " (injected conflict)"), latency);
        }
        MockResponse answer = applyBinding(namespace, name, request);
        if (answer.code() >= 300) {
            return delayed(answer, latency);
        }
        bindingsBeforeStall--;
        accepted.computeIfAbsent(namespace + "/" + name, k -> new AtomicInteger()).incrementAndGet();
        bindingLog.add(new AcceptedBinding(namespace + "/" + name, request.getHeader("User-Agent"),
                System.currentTimeMillis()));
        if (lostAnswersToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0 || fault == FaultPlan.Fault.LOST_ANSWER) {
            return delayed(status(409, "Conflict", "pod " + name + " is already assigned (injected lost answer)"),
                    latency);
        }
        return delayed(answer, fault == FaultPlan.Fault.TIMEOUT ? plan.timeoutDelayMillis() : latency);
    }

    /** Sets {@code spec.nodeName} as the API server would; 201 when it did, else why not. */
    private MockResponse applyBinding(String namespace, String name, RecordedRequest request) {
        Binding binding = Serialization.unmarshal(request.getUtf8Body(), Binding.class);
        String path = "/api/v1/namespaces/" + namespace + "/pods/" + name;
        for (int attempt = 0; ; attempt++) {
            MockResponse current = handleGet(path);
            if (current.code() == 404) {
                return status(404, "NotFound", "pods \"" + name + "\" not found");
            }
            Pod pod = Serialization.unmarshal(current.getBody().readUtf8(), Pod.class);
            if (pod.getSpec().getNodeName() != null && !pod.getSpec().getNodeName().isEmpty()) {
                return status(409, "Conflict", "pod " + name + " is already assigned to node \""
                        + pod.getSpec().getNodeName() + "\"");
            }
            if (pod.getMetadata().getDeletionTimestamp() != null) {
                return status(409, "Conflict", "pod " + name + " is being deleted");
            }
            pod.getSpec().setNodeName(binding.getTarget().getName());
            MockResponse update = handleUpdate(new RecordedRequest("HTTP/1.1", HttpMethod.PUT, path,
                    request.getHeaders(), new Buffer().writeUtf8(Serialization.asJson(pod))));
            if (update.code() == 409 && attempt < 10) {
                continue;
            }
            return update.code() >= 300 ? update : status(201, "", "");
        }
    }

    private MockResponse delete(String namespace, String name, RecordedRequest request) {
        String key = namespace + "/" + name;
        deleteRequests.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        if (deleteFailuresToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return status(500, "InternalError", "injected failure");
        }
        String path = "/api/v1/namespaces/" + namespace + "/pods/" + name;
        MockResponse current = handleGet(path);
        MockResponse response = super.dispatch(request);
        if (response.code() >= 300) {
            return response;
        }
        if (current.code() == 200) {
            String body = request.getUtf8Body();
            deletions.put(key, new Deletion(Serialization.unmarshal(current.getBody().readUtf8(), Pod.class),
                    body == null || body.isEmpty() ? null : Serialization.unmarshal(body, DeleteOptions.class)));
        }
        if (deleteRacesToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return status(404, "NotFound", "pods \"" + name + "\" not found");
        }
        return response;
    }

    private static MockResponse status(int code, String reason, String message) {
        Status status = new StatusBuilder().withCode(code).withStatus(code < 300 ? "Success" : "Failure")
                .withReason(reason.isEmpty() ? null : reason).withMessage(message.isEmpty() ? null : message).build();
        return new MockResponse().setResponseCode(code).setBody(Serialization.asJson(status));
    }

    private final class GatingListener extends WebSocketListener {
        private final WebSocketListener delegate;
        private GatedSocket socket;

        GatingListener(WebSocketListener delegate) {
            this.delegate = delegate;
        }

        private GatedSocket gate(WebSocket raw) {
            if (socket == null) {
                socket = new GatedSocket(raw);
                watchSockets.add(socket);
            }
            return socket;
        }

        @Override
        public void onBeforeAccept(WebSocket webSocket, Response response) {
            delegate.onBeforeAccept(gate(webSocket), response);
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            delegate.onOpen(gate(webSocket), response);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            delegate.onMessage(gate(webSocket), text);
        }

        @Override
        public void onMessage(WebSocket webSocket, ByteString bytes) {
            delegate.onMessage(gate(webSocket), bytes);
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            gate(webSocket).closed = true;
            delegate.onClosing(gate(webSocket), code, reason);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            gate(webSocket).closed = true;
            watchSockets.remove(socket);
            delegate.onClosed(gate(webSocket), code, reason);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            gate(webSocket).closed = true;
            watchSockets.remove(socket);
            delegate.onFailure(gate(webSocket), t, response);
        }
    }

    /**
     * Once closed, sends are dropped here: the CRUD mock's listener, closing on the server's event loop,
     * waits for its sender thread, whose sends to a closed socket would wait for that same event loop.
     */
    private final class GatedSocket implements WebSocket {
        final WebSocket raw;
        volatile boolean closed;

        GatedSocket(WebSocket raw) {
            this.raw = raw;
        }

        @Override
        public RecordedRequest request() {
            return raw.request();
        }

        /** Sends the last message, if any, and closes; nothing queued behind it is sent. */
        void sendThenClose(String last, String reason) {
            closed = true;
            if (last != null) {
                raw.send(last);
            }
            raw.close(1000, reason);
        }

        @Override
        public boolean send(String text) {
            return closed || watchesSilenced || raw.send(text);
        }

        @Override
        public boolean send(byte[] bytes) {
            return closed || watchesSilenced || raw.send(bytes);
        }

        @Override
        public boolean close(int code, String reason) {
            return raw.close(code, reason);
        }
    }
}
