package dev.stook.k8s.testing;

import dev.stook.k8s.config.SchedulerConfig;
import dev.stook.k8s.config.SchedulerConfigLoader;
import dev.stook.k8s.loop.SchedulerProcess;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An API server for a test, a client on it, schedulers started against it, and helpers to fill it; how
 * the server is run is the subclass's job ({@link dev.stook.k8s.testing.real.RealCluster}: a real
 * kube-apiserver; a fabric8 mock can join for APIs the test server does not serve).
 */
public abstract class TestCluster implements AutoCloseable {
    public static final String NAMESPACE = "work";
    public static final String SYSTEM_NAMESPACE = "stook-system";

    /** Test settings: fast leases and retries, an ephemeral health port. */
    public static final String TEST_CONFIG = """
            healthPort: 0
            namespace: stook-system
            bindBackoffInitial: 50ms
            bindBackoffMax: 500ms
            bindConfirmTimeout: 2s
            gangSettleTime: 200ms
            leaseDuration: 6s
            renewDeadline: 4s
            retryPeriod: 500ms
            shutdownTimeout: 5s
            eventsPerSecond: 1000
            eventBurst: 1000
            """;

    private final List<SchedulerProcess> processes = new ArrayList<>();
    private final Map<SchedulerProcess, KubernetesClient> clients = new HashMap<>();
    private int processCount;

    /** The client the test fills the cluster with (an admin). */
    public abstract KubernetesClient client();

    /** The faults the test injects into the schedulers' requests, and the bindings the server accepted. */
    public abstract FaultyApi api();

    /** The configuration a scheduler's client starts from: where it connects, and as whom. */
    protected abstract Config schedulerClientConfig();

    /** Stops the server once the schedulers and the test's client are closed. */
    protected abstract void shutDown();

    public static SchedulerConfig testConfig() {
        return SchedulerConfigLoader.parse(TEST_CONFIG, "test config");
    }

    public SchedulerProcess startScheduler() {
        return startScheduler(testConfig());
    }

    public SchedulerProcess startScheduler(SchedulerConfig config) {
        return start(config, true);
    }

    /**
     * A scheduler whose client does not retry 5xx answers and timeouts itself (fabric8 does by default),
     * so that every injected failure reaches Stook's own retries.
     */
    public SchedulerProcess startSchedulerWithoutClientRetries() {
        return startSchedulerWithoutClientRetries(testConfig());
    }

    public SchedulerProcess startSchedulerWithoutClientRetries(SchedulerConfig config) {
        return start(config, false);
    }

    /**
     * Each scheduler gets its own client, with the config's request timeout as {@code stook run} sets it,
     * and its identity as User-Agent so the server knows who sent what.
     */
    private synchronized SchedulerProcess start(SchedulerConfig config, boolean clientRetries) {
        String identity = "stook-" + ++processCount;
        ConfigBuilder clientConfig = new ConfigBuilder(schedulerClientConfig()).withUserAgent(identity)
                .withRequestTimeout((int) config.requestTimeoutMillis());
        if (!clientRetries) {
            clientConfig.withRequestRetryBackoffLimit(0);
        }
        KubernetesClient schedulerClient = new KubernetesClientBuilder().withConfig(clientConfig.build()).build();
        SchedulerProcess process = new SchedulerProcess(schedulerClient, config, identity);
        try {
            process.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        processes.add(process);
        clients.put(process, schedulerClient);
        return process;
    }

    /**
     * Kills the scheduler as a crash would: its connections to the API server are cut at once, nothing
     * in flight is finished and the lease is not released. What is left of the process can reach the
     * server no more; it is closed with the cluster.
     */
    public synchronized void crash(SchedulerProcess process) {
        clients.get(process).close();
    }

    /** The User-Agent of the scheduler's requests. */
    public synchronized String identityOf(SchedulerProcess process) {
        return clients.get(process).getConfiguration().getUserAgent();
    }

    public Node node(String name, String cpu, String memory) {
        return node(name, cpu, memory, Map.of());
    }

    /** A node with the labels given and its hostname label, as the kubelet sets it. */
    public Node node(String name, String cpu, String memory, Map<String, String> labels) {
        Map<String, String> all = new HashMap<>(labels);
        all.put("kubernetes.io/hostname", name);
        Node node = new NodeBuilder().withNewMetadata().withName(name).withLabels(all).endMetadata()
                .withNewStatus().addToAllocatable("cpu", new Quantity(cpu)).addToAllocatable("memory", new Quantity(memory))
                .addToAllocatable("pods", new Quantity("110"))
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .endStatus().build();
        return client().nodes().resource(node).create();
    }

    public static PodBuilder pod(String name, String cpu) {
        return new PodBuilder().withNewMetadata().withNamespace(NAMESPACE).withName(name)
                .withCreationTimestamp(Instant.now().toString()).endMetadata()
                .withNewSpec().withSchedulerName("stook")
                .addNewContainer().withName("main").withImage("busybox")
                .withNewResources().addToRequests("cpu", new Quantity(cpu)).addToRequests("memory", new Quantity("1Gi"))
                .endResources().endContainer().endSpec();
    }

    public Pod create(PodBuilder pod) {
        return client().pods().inNamespace(NAMESPACE).resource(pod.build()).create();
    }

    public Pod create(String name, String cpu) {
        return create(pod(name, cpu));
    }

    public Pod createGangMember(String name, String cpu, String gang, int minMembers) {
        return create(pod(name, cpu).editMetadata()
                .withAnnotations(Map.of("stook.dev/gang", gang, "stook.dev/gang-min-members", String.valueOf(minMembers)))
                .endMetadata());
    }

    /**
     * Deletes the pod at once. Without a kubelet a real API server keeps a gracefully deleted pod that
     * is bound (Terminating) forever.
     */
    public void delete(String name) {
        client().pods().inNamespace(NAMESPACE).withName(name).withGracePeriod(0).delete();
    }

    public Pod get(String name) {
        return client().pods().inNamespace(NAMESPACE).withName(name).get();
    }

    public String nodeOf(String name) {
        Pod pod = get(name);
        return pod == null ? null : pod.getSpec().getNodeName();
    }

    public boolean isBound(String name) {
        String node = nodeOf(name);
        return node != null && !node.isEmpty();
    }

    public Optional<PodCondition> podScheduled(String name) {
        Pod pod = get(name);
        if (pod == null || pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getConditions().stream().filter(c -> "PodScheduled".equals(c.getType())).findFirst();
    }

    /** Creates or replaces the {@code stook-queues} ConfigMap. */
    public void writeQueueConfig(String yaml) {
        client().configMaps().inNamespace(SYSTEM_NAMESPACE).resource(new ConfigMapBuilder()
                .withNewMetadata().withNamespace(SYSTEM_NAMESPACE).withName("stook-queues").endMetadata()
                .withData(Map.of("queues.yaml", yaml)).build()).createOr(op -> op.update());
    }

    public List<Event> events(String namespace, String regardingName) {
        return client().events().v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> e.getRegarding() != null && regardingName.equals(e.getRegarding().getName()))
                .toList();
    }

    public List<String> eventReasons(String namespace, String regardingName) {
        return events(namespace, regardingName).stream().map(Event::getReason).toList();
    }

    /** Closes the schedulers started on it, then the server (or the test's hold on it). */
    @Override
    public synchronized void close() {
        processes.forEach(SchedulerProcess::close);
        processes.clear();
        clients.values().forEach(KubernetesClient::close);
        clients.clear();
        shutDown();
    }
}
