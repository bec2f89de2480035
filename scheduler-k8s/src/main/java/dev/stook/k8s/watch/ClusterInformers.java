package dev.stook.k8s.watch;

import dev.stook.core.model.PodId;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ExceptionHandler;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Shared informers on every non-terminal pod (pods bound by other schedulers use capacity too), every
 * node, the queue ConfigMap, and Stook's own pods that succeeded ({@link SucceededPods}). Pods and nodes are cached trimmed to what Stook reads ({@link PodTrimmer},
 * {@link NodeTrimmer}): with tens of thousands of pods the rest would be most of the heap. Handlers only
 * pass keys on; a dropped watch is recovered by the informers' relist, whose adds, updates and deletes
 * arrive here like any other change.
 */
public final class ClusterInformers implements ClusterCache, AutoCloseable {
    /**
     * Objects per list request, as client-go's informers page: one list of 50,000 pods outlasted the request
     * timeout, and fabric8 stops an informer whose first list fails.
     */
    static final long LIST_PAGE = 500;
    private final SharedIndexInformer<Pod> pods;
    private final SharedIndexInformer<Pod> succeededPods;
    private final SharedIndexInformer<Node> nodes;
    private final SharedIndexInformer<ConfigMap> queueConfig;
    private final String namespace;
    private final String configMapName;
    private final SucceededPods succeeded = new SucceededPods();

    public ClusterInformers(KubernetesClient client, String namespace, String configMapName, String schedulerName,
                            ClusterChanges changes) {
        this.namespace = namespace;
        this.configMapName = configMapName;
        this.pods = client.pods().inAnyNamespace()
                .withoutField("status.phase", "Succeeded").withoutField("status.phase", "Failed")
                .withLimit(LIST_PAGE).runnableInformer(0).itemStore(new TrimmingItemStore<>(PodTrimmer::trim));
        this.succeededPods = client.pods().inAnyNamespace().withField("status.phase", "Succeeded")
                .withField("spec.schedulerName", schedulerName).withLimit(LIST_PAGE).runnableInformer(0)
                .itemStore(succeeded).removeNamespaceIndex();
        this.nodes = client.nodes().withLimit(LIST_PAGE).runnableInformer(0)
                .itemStore(new TrimmingItemStore<>(NodeTrimmer::trim));
        this.queueConfig = client.configMaps().inNamespace(namespace).withName(configMapName).runnableInformer(0);
        pods.exceptionHandler(ClusterInformers::retryUnlessUndecodable);
        succeededPods.exceptionHandler(ClusterInformers::retryUnlessUndecodable);
        nodes.exceptionHandler(ClusterInformers::retryUnlessUndecodable);
        queueConfig.exceptionHandler(ClusterInformers::retryUnlessUndecodable);
        pods.addEventHandler(handler(pod -> changes.podChanged(idOf(pod))));
        succeededPods.addEventHandler(handler(pod -> changes.podChanged(idOf(pod))));
        nodes.addEventHandler(handler(node -> changes.nodeChanged(node.getMetadata().getName())));
        queueConfig.addEventHandler(handler(configMap -> changes.queueConfigChanged()));
    }

    /**
     * Starts listing and watching; completes once every informer that scheduling needs has listed its objects.
     * Succeeded pods only teach locality, so scheduling does not wait for their list.
     */
    public CompletableFuture<Void> start() {
        succeededPods.start();
        return CompletableFuture.allOf(pods.start().toCompletableFuture(), nodes.start().toCompletableFuture(),
                queueConfig.start().toCompletableFuture());
    }

    @Override
    public Optional<Pod> pod(PodId id) {
        return Optional.ofNullable(pods.getStore().getByKey(id.namespace() + "/" + id.name()));
    }

    @Override
    public List<Pod> pods() {
        return pods.getStore().list();
    }

    @Override
    public Optional<Pod> succeededPod(PodId id) {
        return Optional.ofNullable(succeeded.get(id.namespace() + "/" + id.name()));
    }

    @Override
    public Optional<Node> node(String name) {
        return Optional.ofNullable(nodes.getStore().getByKey(name));
    }

    @Override
    public List<Node> nodes() {
        return nodes.getStore().list();
    }

    @Override
    public Optional<ConfigMap> queueConfigMap() {
        return Optional.ofNullable(queueConfig.getStore().getByKey(namespace + "/" + configMapName));
    }

    @Override
    public boolean hasSynced() {
        return pods.hasSynced() && nodes.hasSynced() && queueConfig.hasSynced();
    }

    @Override
    public void close() {
        pods.stop();
        succeededPods.stop();
        nodes.stop();
        queueConfig.stop();
    }

    /**
     * fabric8 gives up on an informer whose first list fails (a timeout, a refused connection) and the
     * process would never become ready; like client-go's reflector, retry with back-off instead.
     */
    private static boolean retryUnlessUndecodable(boolean started, Throwable error) {
        return !ExceptionHandler.isDeserializationException(error);
    }

    private static PodId idOf(Pod pod) {
        return new PodId(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
    }

    private static <T extends HasMetadata> ResourceEventHandler<T> handler(Consumer<T> changed) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T object) {
                changed.accept(object);
            }

            @Override
            public void onUpdate(T before, T after) {
                changed.accept(after);
            }

            @Override
            public void onDelete(T object, boolean finalStateUnknown) {
                changed.accept(object);
            }
        };
    }
}
