package dev.stook.k8s.watch;

import dev.stook.k8s.translate.GangObjectKey;
import dev.stook.k8s.translate.GangObjectKind;
import dev.stook.k8s.translate.GangObjects;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Informers on the objects that declare gangs: Jobs always; Volcano's and scheduler-plugins' PodGroups once their
 * CRDs are served (asked of the server's discovery at start and then every {@code podGroupCrdCheckInterval},
 * so a CRD installed later is picked up: an informer on a resource not served would log a failed list at every
 * retry); Kubernetes' PodGroups or Workloads in the first version the server serves at start, or not at all. A kind
 * counts as served once its informer has listed it; until then its pods' gangs are read from their names alone.
 * Scheduling waits for the kinds the server serves at start, so that no gang is tried before its declaration is
 * known.
 */
final class GangObjectInformers implements GangObjects, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GangObjectInformers.class);

    private record Watched(String version, SharedIndexInformer<? extends HasMetadata> informer, boolean servedAtStart) {}

    private static final Set<GangObjectKind> CUSTOM = EnumSet.of(GangObjectKind.VOLCANO_POD_GROUP,
            GangObjectKind.SCHEDULER_PLUGINS_POD_GROUP);

    private final Map<GangObjectKind, Watched> watched = new ConcurrentHashMap<>();
    private final KubernetesClient client;
    private final ClusterChanges changes;
    private final long crdCheckMillis;
    /** Touched only on the CRD check thread. */
    private final Set<GangObjectKind> awaitedCrds = EnumSet.noneOf(GangObjectKind.class);
    private volatile boolean discovered;
    private final ScheduledExecutorService crdChecks = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "stook-gang-crd-check");
        thread.setDaemon(true);
        return thread;
    });

    GangObjectInformers(KubernetesClient client, ClusterChanges changes, long crdCheckMillis) {
        this.client = client;
        this.changes = changes;
        this.crdCheckMillis = crdCheckMillis;
        watch(GangObjectKind.JOB, "v1", true, client.batch().v1().jobs().inAnyNamespace()
                .withLimit(ClusterInformers.LIST_PAGE).runnableInformer(0)
                .itemStore(new TrimmingItemStore<>(GangObjectTrimmer::job)));
    }

    /**
     * Asks the server's discovery which other kinds it serves now and starts their informers; runs on the CRD
     * check thread. Completes once those have listed.
     */
    private CompletableFuture<Void> startServedKinds() {
        List<CompletableFuture<?>> listed = new ArrayList<>();
        for (GangObjectKind kind : GangObjectKind.values()) {
            if (kind == GangObjectKind.JOB) {
                continue;
            }
            String served = servedVersion(client, kind);
            if (served != null) {
                watchGeneric(kind, served, true);
                listed.add(start(kind, watched.get(kind)));
            } else if (CUSTOM.contains(kind)) {
                awaitedCrds.add(kind);
            }
        }
        discovered = true;
        if (!awaitedCrds.isEmpty()) {
            crdChecks.scheduleWithFixedDelay(this::checkAwaitedCrds, crdCheckMillis, crdCheckMillis,
                    TimeUnit.MILLISECONDS);
        }
        return CompletableFuture.allOf(listed.toArray(CompletableFuture[]::new));
    }

    private void watchGeneric(GangObjectKind kind, String version, boolean servedAtStart) {
        watch(kind, version, servedAtStart, client.genericKubernetesResources(context(kind, version)).inAnyNamespace()
                .withLimit(ClusterInformers.LIST_PAGE).runnableInformer(0)
                .itemStore(new TrimmingItemStore<>(GangObjectTrimmer::specOnly)));
    }

    private <T extends HasMetadata> void watch(GangObjectKind kind, String version, boolean servedAtStart,
                                               SharedIndexInformer<T> informer) {
        informer.exceptionHandler(ClusterInformers::retryUnlessUndecodable);
        informer.addEventHandler(ClusterInformers.handler(object -> changes.gangObjectChanged(new GangObjectKey(kind,
                object.getMetadata().getNamespace(), object.getMetadata().getName()))));
        watched.put(kind, new Watched(version, informer, servedAtStart));
    }

    /** Starts the informers of the CRDs that became served since the last check. */
    private void checkAwaitedCrds() {
        for (GangObjectKind kind : List.copyOf(awaitedCrds)) {
            if (crdChecks.isShutdown()) {
                return;
            }
            String served = servedVersion(client, kind);
            if (served != null) {
                awaitedCrds.remove(kind);
                LOG.info("{}s are served now ({}/{}): reading gangs from them", kind.description(), kind.group(),
                        served);
                watchGeneric(kind, served, false);
                start(kind, watched.get(kind));
            }
        }
    }

    /** The first of the kind's versions the server lists it in, or null. */
    private static String servedVersion(KubernetesClient client, GangObjectKind kind) {
        for (String version : kind.versions()) {
            try {
                APIResourceList resources = client.getApiResources(kind.group() + "/" + version);
                if (resources != null && resources.getResources().stream()
                        .anyMatch(resource -> kind.plural().equals(resource.getName()))) {
                    return version;
                }
            } catch (KubernetesClientException e) {
                LOG.atDebug().log("{} not served in {}/{}: {}", kind.description(), kind.group(), version,
                        e.getMessage());
            }
        }
        return null;
    }

    private static ResourceDefinitionContext context(GangObjectKind kind, String version) {
        return new ResourceDefinitionContext.Builder().withGroup(kind.group()).withVersion(version)
                .withPlural(kind.plural()).withKind(kind.kind()).withNamespaced(true).build();
    }

    /**
     * Starts the Jobs' informer, and those of the other kinds the server serves once its discovery has said
     * which (off the caller's thread: start-up need not wait for it); completes once those have listed. Each
     * kind's pods are looked at again once it is listed: their gangs may be declared now.
     */
    CompletableFuture<Void> start() {
        CompletableFuture<?> jobs = start(GangObjectKind.JOB, watched.get(GangObjectKind.JOB));
        CompletableFuture<Void> others = CompletableFuture.supplyAsync(this::startServedKinds, crdChecks)
                .thenCompose(listed -> listed);
        return CompletableFuture.allOf(jobs, others);
    }

    private CompletableFuture<?> start(GangObjectKind kind, Watched watch) {
        CompletableFuture<?> listed = watch.informer().start().toCompletableFuture();
        listed.thenRun(() -> changes.gangObjectsServed(kind));
        return listed;
    }

    boolean hasSynced() {
        return discovered
                && watched.values().stream().filter(Watched::servedAtStart).allMatch(w -> w.informer().hasSynced());
    }

    @Override
    public String servedVersion(GangObjectKind kind) {
        Watched watch = watched.get(kind);
        return watch != null && watch.informer().hasSynced() ? watch.version() : null;
    }

    @Override
    public Optional<HasMetadata> gangObject(GangObjectKey key) {
        Watched watch = watched.get(key.kind());
        return watch == null ? Optional.empty()
                : Optional.ofNullable(watch.informer().getStore().getByKey(key.namespace() + "/" + key.name()));
    }

    @Override
    public void close() {
        crdChecks.shutdownNow();
        watched.values().forEach(watch -> watch.informer().stop());
    }
}
