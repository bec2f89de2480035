package dev.stook.k8s.watch;

import dev.stook.core.model.PodId;
import dev.stook.k8s.translate.GangObjectKey;
import dev.stook.k8s.translate.GangObjectKind;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.storage.CSINode;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ExceptionHandler;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Shared informers on every non-terminal pod (pods bound by other schedulers use capacity too), every
 * node, every namespace (queues may admit submitters by their labels), the queue ConfigMap and its last good
 * copy, Stook's own pods that succeeded ({@link SucceededPods}) and, while default spread constraints are on,
 * every Service, ReplicationController, ReplicaSet and StatefulSet; every PersistentVolumeClaim,
 * PersistentVolume, StorageClass and CSINode (what the volume filters read); and the objects that declare gangs
 * ({@link GangObjectInformers}). Pods, nodes, namespaces and those objects
 * are cached trimmed to what Stook reads ({@link PodTrimmer}, {@link NodeTrimmer}, {@link NamespaceTrimmer},
 * {@link WorkloadTrimmer}): with tens of thousands of pods the rest would be most of the heap. Handlers only
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
    private final SharedIndexInformer<Namespace> namespaces;
    private final SharedIndexInformer<ConfigMap> queueConfig;
    private final SharedIndexInformer<ConfigMap> lastGoodQueueConfig;
    /** By kind; none while default spread constraints are off. */
    private final Map<String, SharedIndexInformer<? extends HasMetadata>> workloads;
    private final SharedIndexInformer<PersistentVolumeClaim> claims;
    private final SharedIndexInformer<PersistentVolume> volumes;
    private final SharedIndexInformer<StorageClass> storageClasses;
    private final SharedIndexInformer<CSINode> csiNodes;
    private final String namespace;
    private final String configMapName;
    private final String lastGoodConfigMapName;
    private final SucceededPods succeeded = new SucceededPods();
    private final GangObjectInformers gangObjects;

    /**
     * @param lastGoodConfigMapName where the leader keeps the last queue config it accepted
     * @param watchWorkloads        whether to watch the objects default spread constraints read
     * @param crdCheckMillis        how often to ask whether PodGroup CRDs not served at start are served now
     */
    public ClusterInformers(KubernetesClient client, String namespace, String configMapName,
                            String lastGoodConfigMapName, String schedulerName, ClusterChanges changes,
                            boolean watchWorkloads, long crdCheckMillis) {
        this.namespace = namespace;
        this.configMapName = configMapName;
        this.lastGoodConfigMapName = lastGoodConfigMapName;
        this.pods = client.pods().inAnyNamespace()
                .withoutField("status.phase", "Succeeded").withoutField("status.phase", "Failed")
                .withLimit(LIST_PAGE).runnableInformer(0).itemStore(new TrimmingItemStore<>(PodTrimmer::trim));
        this.succeededPods = client.pods().inAnyNamespace().withField("status.phase", "Succeeded")
                .withField("spec.schedulerName", schedulerName).withLimit(LIST_PAGE).runnableInformer(0)
                .itemStore(succeeded).removeNamespaceIndex();
        this.nodes = client.nodes().withLimit(LIST_PAGE).runnableInformer(0)
                .itemStore(new TrimmingItemStore<>(NodeTrimmer::trim));
        this.namespaces = client.namespaces().withLimit(LIST_PAGE).runnableInformer(0)
                .itemStore(new TrimmingItemStore<>(NamespaceTrimmer::trim));
        this.queueConfig = client.configMaps().inNamespace(namespace).withName(configMapName).runnableInformer(0);
        this.lastGoodQueueConfig = client.configMaps().inNamespace(namespace).withName(lastGoodConfigMapName)
                .runnableInformer(0);
        pods.exceptionHandler(ClusterInformers::retryUnlessUndecodable);
        succeededPods.exceptionHandler(ClusterInformers::retryUnlessUndecodable);
        nodes.exceptionHandler(ClusterInformers::retryUnlessUndecodable);
        namespaces.exceptionHandler(ClusterInformers::retryUnlessUndecodable);
        queueConfig.exceptionHandler(ClusterInformers::retryUnlessUndecodable);
        lastGoodQueueConfig.exceptionHandler(ClusterInformers::retryUnlessUndecodable);
        pods.addEventHandler(handler(pod -> changes.podChanged(idOf(pod))));
        succeededPods.addEventHandler(handler(pod -> changes.podChanged(idOf(pod))));
        nodes.addEventHandler(handler(node -> changes.nodeChanged(node.getMetadata().getName())));
        namespaces.addEventHandler(handler(ns -> changes.namespaceChanged(ns.getMetadata().getName())));
        queueConfig.addEventHandler(handler(configMap -> changes.queueConfigChanged()));
        this.workloads = watchWorkloads ? workloadInformers(client, changes) : Map.of();
        this.gangObjects = new GangObjectInformers(client, changes, crdCheckMillis);
        this.claims = storageInformer(client.persistentVolumeClaims().inAnyNamespace().withLimit(LIST_PAGE)
                .runnableInformer(0), changes, claim -> StorageKey.claim(claim.getMetadata().getNamespace(),
                claim.getMetadata().getName()));
        this.volumes = storageInformer(client.persistentVolumes().withLimit(LIST_PAGE).runnableInformer(0), changes,
                volume -> StorageKey.volume(volume.getMetadata().getName()));
        this.storageClasses = storageInformer(client.storage().v1().storageClasses().withLimit(LIST_PAGE)
                .runnableInformer(0), changes, storageClass -> StorageKey.storageClass(
                storageClass.getMetadata().getName()));
        this.csiNodes = storageInformer(client.storage().v1().csiNodes().withLimit(LIST_PAGE).runnableInformer(0),
                changes, csiNode -> StorageKey.csiNode(csiNode.getMetadata().getName()));
    }

    /** Storage objects are small: only managed fields and kubectl's last-applied copy are dropped. */
    private static <T extends HasMetadata> SharedIndexInformer<T> storageInformer(
            SharedIndexInformer<T> informer, ClusterChanges changes, Function<T, StorageKey> key) {
        informer.itemStore(new TrimmingItemStore<>(object -> {
            MetadataTrimmer.trim(object.getMetadata());
            return object;
        }));
        informer.exceptionHandler(ClusterInformers::retryUnlessUndecodable);
        informer.addEventHandler(handler(object -> changes.storageChanged(key.apply(object))));
        return informer;
    }

    private static Map<String, SharedIndexInformer<? extends HasMetadata>> workloadInformers(
            KubernetesClient client, ClusterChanges changes) {
        Map<String, SharedIndexInformer<? extends HasMetadata>> informers = new LinkedHashMap<>();
        informers.put(WorkloadKey.SERVICE, watched(WorkloadKey.SERVICE, changes, client.services().inAnyNamespace()
                .withLimit(LIST_PAGE).runnableInformer(0).itemStore(new TrimmingItemStore<>(WorkloadTrimmer::service))));
        informers.put(WorkloadKey.REPLICATION_CONTROLLER, watched(WorkloadKey.REPLICATION_CONTROLLER, changes,
                client.replicationControllers().inAnyNamespace().withLimit(LIST_PAGE).runnableInformer(0)
                        .itemStore(new TrimmingItemStore<>(WorkloadTrimmer::replicationController))));
        informers.put(WorkloadKey.REPLICA_SET, watched(WorkloadKey.REPLICA_SET, changes,
                client.apps().replicaSets().inAnyNamespace().withLimit(LIST_PAGE).runnableInformer(0)
                        .itemStore(new TrimmingItemStore<>(WorkloadTrimmer::replicaSet))));
        informers.put(WorkloadKey.STATEFUL_SET, watched(WorkloadKey.STATEFUL_SET, changes,
                client.apps().statefulSets().inAnyNamespace().withLimit(LIST_PAGE).runnableInformer(0)
                        .itemStore(new TrimmingItemStore<>(WorkloadTrimmer::statefulSet))));
        return informers;
    }

    private static <T extends HasMetadata> SharedIndexInformer<T> watched(String kind, ClusterChanges changes,
                                                                         SharedIndexInformer<T> informer) {
        informer.exceptionHandler(ClusterInformers::retryUnlessUndecodable);
        informer.addEventHandler(handler(object -> changes.workloadChanged(new WorkloadKey(kind,
                object.getMetadata().getNamespace(), object.getMetadata().getName()))));
        return informer;
    }

    /**
     * Starts listing and watching; completes once every informer that scheduling needs has listed its objects.
     * Succeeded pods only teach locality, so scheduling does not wait for their list.
     */
    public CompletableFuture<Void> start() {
        succeededPods.start();
        List<CompletableFuture<?>> started = new ArrayList<>(List.of(pods.start().toCompletableFuture(),
                nodes.start().toCompletableFuture(), namespaces.start().toCompletableFuture(),
                queueConfig.start().toCompletableFuture(), lastGoodQueueConfig.start().toCompletableFuture()));
        workloads.values().forEach(informer -> started.add(informer.start().toCompletableFuture()));
        for (SharedIndexInformer<?> informer : List.of(claims, volumes, storageClasses, csiNodes)) {
            started.add(informer.start().toCompletableFuture());
        }
        started.add(gangObjects.start());
        return CompletableFuture.allOf(started.toArray(CompletableFuture[]::new));
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
    public Optional<Namespace> namespace(String name) {
        return Optional.ofNullable(namespaces.getStore().getByKey(name));
    }

    @Override
    public List<Namespace> namespaces() {
        return namespaces.getStore().list();
    }

    @Override
    public Optional<HasMetadata> workload(WorkloadKey key) {
        SharedIndexInformer<? extends HasMetadata> informer = workloads.get(key.kind());
        return informer == null ? Optional.empty()
                : Optional.ofNullable(informer.getStore().getByKey(key.namespace() + "/" + key.name()));
    }

    @Override
    public List<WorkloadKey> workloads() {
        List<WorkloadKey> keys = new ArrayList<>();
        workloads.forEach((kind, informer) -> informer.getStore().list().forEach(object -> keys.add(
                new WorkloadKey(kind, object.getMetadata().getNamespace(), object.getMetadata().getName()))));
        return keys;
    }

    @Override
    public Optional<? extends HasMetadata> storageObject(StorageKey key) {
        return Optional.ofNullable(storageInformer(key.kind()).getStore().getByKey(key.storeKey()));
    }

    @Override
    public List<StorageKey> storageObjects() {
        List<StorageKey> keys = new ArrayList<>();
        claims.getStore().list().forEach(claim -> keys.add(StorageKey.claim(claim.getMetadata().getNamespace(),
                claim.getMetadata().getName())));
        volumes.getStore().list().forEach(volume -> keys.add(StorageKey.volume(volume.getMetadata().getName())));
        storageClasses.getStore().list().forEach(storageClass -> keys.add(StorageKey.storageClass(
                storageClass.getMetadata().getName())));
        csiNodes.getStore().list().forEach(csiNode -> keys.add(StorageKey.csiNode(csiNode.getMetadata().getName())));
        return keys;
    }

    private SharedIndexInformer<? extends HasMetadata> storageInformer(StorageKey.Kind kind) {
        return switch (kind) {
            case CLAIM -> claims;
            case VOLUME -> volumes;
            case CLASS -> storageClasses;
            case CSI_NODE -> csiNodes;
        };
    }

    @Override
    public String servedVersion(GangObjectKind kind) {
        return gangObjects.servedVersion(kind);
    }

    @Override
    public Optional<HasMetadata> gangObject(GangObjectKey key) {
        return gangObjects.gangObject(key);
    }

    @Override
    public Optional<ConfigMap> queueConfigMap() {
        return Optional.ofNullable(queueConfig.getStore().getByKey(namespace + "/" + configMapName));
    }

    @Override
    public Optional<ConfigMap> lastGoodQueueConfigMap() {
        return Optional.ofNullable(lastGoodQueueConfig.getStore().getByKey(namespace + "/" + lastGoodConfigMapName));
    }

    @Override
    public boolean hasSynced() {
        return pods.hasSynced() && nodes.hasSynced() && namespaces.hasSynced() && queueConfig.hasSynced()
                && lastGoodQueueConfig.hasSynced() && workloads.values().stream().allMatch(SharedIndexInformer::hasSynced)
                && claims.hasSynced() && volumes.hasSynced() && storageClasses.hasSynced() && csiNodes.hasSynced()
                && gangObjects.hasSynced();
    }

    @Override
    public void close() {
        pods.stop();
        succeededPods.stop();
        nodes.stop();
        namespaces.stop();
        queueConfig.stop();
        lastGoodQueueConfig.stop();
        workloads.values().forEach(SharedIndexInformer::stop);
        claims.stop();
        volumes.stop();
        storageClasses.stop();
        csiNodes.stop();
        gangObjects.close();
    }

    /**
     * fabric8 gives up on an informer whose first list fails (a timeout, a refused connection) and the
     * process would never become ready; like client-go's reflector, retry with back-off instead.
     */
    static boolean retryUnlessUndecodable(boolean started, Throwable error) {
        return !ExceptionHandler.isDeserializationException(error);
    }

    private static PodId idOf(Pod pod) {
        return new PodId(pod.getMetadata().getNamespace(), pod.getMetadata().getName());
    }

    static <T extends HasMetadata> ResourceEventHandler<T> handler(Consumer<T> changed) {
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
