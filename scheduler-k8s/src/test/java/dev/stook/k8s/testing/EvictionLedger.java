package dev.stook.k8s.testing;

import dev.stook.k8s.testing.FaultyApi.Evicted;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.Eviction;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pod eviction requests: counted, failed or raced as the test asks, and, once the API server carried them
 * out, recorded with the pod as it was just before.
 */
final class EvictionLedger {
    private final ApiServerForwarder forwarder;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, Evicted> evictions = new ConcurrentHashMap<>();
    private final NextRequests failuresToInject = new NextRequests();
    private final NextRequests racesToInject = new NextRequests();

    EvictionLedger(ApiServerForwarder forwarder) {
        this.forwarder = forwarder;
    }

    void failNext(int count) {
        failuresToInject.set(count);
    }

    void raceNext(int count) {
        racesToInject.set(count);
    }

    int requests(String namespace, String name) {
        AtomicInteger count = requests.get(namespace + "/" + name);
        return count == null ? 0 : count.get();
    }

    Map<String, Evicted> evictions() {
        return evictions;
    }

    void evict(Exchange exchange, String namespace, String name) throws IOException {
        String key = namespace + "/" + name;
        requests.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        if (failuresToInject.take()) {
            exchange.answer(500, "InternalError", "injected failure", name);
            return;
        }
        Pod before = currentPod(exchange);
        BufferedAnswer answer = forwarder.forwardBuffered(exchange);
        if (answer.status() / 100 != 2) {
            answer.writeTo(exchange.out);
            return;
        }
        if (before != null) {
            Eviction eviction = Serialization.unmarshal(new String(exchange.body, StandardCharsets.UTF_8), Eviction.class);
            evictions.put(key, new Evicted(before, eviction.getDeleteOptions()));
        }
        if (racesToInject.take()) {
            exchange.answer(404, "NotFound", "pods \"" + name + "\" not found", name);
            return;
        }
        answer.writeTo(exchange.out);
    }

    /** The pod the request names, as the API server has it now and shows it to the request's sender; null if not. */
    private Pod currentPod(Exchange exchange) throws IOException {
        String podPath = exchange.request.path().substring(0, exchange.request.path().lastIndexOf("/eviction"));
        HttpHead get = new HttpHead("GET " + podPath + " HTTP/1.1",
                List.of(Map.entry("Accept", "application/json")));
        String authorization = exchange.request.header("Authorization");
        if (authorization != null) {
            get.with("Authorization", authorization);
        }
        Exchange lookup = new Exchange(exchange.client, exchange.in, exchange.out, get, new byte[0]);
        BufferedAnswer answer;
        try {
            answer = forwarder.forwardBuffered(lookup);
        } finally {
            forwarder.hangUp(lookup);
        }
        if (answer.status() != 200) {
            return null;
        }
        return Serialization.unmarshal(new String(answer.body(), StandardCharsets.UTF_8), Pod.class);
    }
}
