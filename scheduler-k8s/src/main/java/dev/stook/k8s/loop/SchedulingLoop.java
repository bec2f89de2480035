package dev.stook.k8s.loop;

import dev.stook.core.cluster.ClusterState;
import dev.stook.core.cycle.Decision;
import dev.stook.core.cycle.Scheduler;
import dev.stook.core.cycle.SchedulingObserver;
import dev.stook.core.cycle.TimeSource;
import dev.stook.core.explain.HoldsExplanation;
import dev.stook.core.locality.ChunkIndex;
import dev.stook.core.locality.ChunkSet;
import dev.stook.core.model.LabelSelector;
import dev.stook.core.model.PodId;
import dev.stook.core.model.ResourceNames;
import dev.stook.core.model.UnknownResourceException;
import dev.stook.core.volume.VolumeNeeds;
import dev.stook.core.plugins.PluginProfile;
import dev.stook.core.spark.ExecutorHolds;
import dev.stook.k8s.admit.AdmissionRecord;
import dev.stook.k8s.admit.AdmissionSeal;
import dev.stook.k8s.bind.Backoff;
import dev.stook.k8s.bind.BindRequest;
import dev.stook.k8s.bind.BindResult;
import dev.stook.k8s.bind.VolumeBatch;
import dev.stook.k8s.config.SchedulerConfig;
import dev.stook.k8s.evict.Eviction;
import dev.stook.k8s.logging.LogFields;
import dev.stook.k8s.startup.StartupLog;
import dev.stook.k8s.status.StatusReporter;
import dev.stook.k8s.translate.GangSources;
import dev.stook.k8s.translate.KnownResources;
import dev.stook.k8s.translate.NodeTranslator;
import dev.stook.k8s.translate.PodTranslator;
import dev.stook.k8s.translate.StorageTranslator;
import dev.stook.k8s.translate.WorkloadTranslator;
import dev.stook.k8s.watch.ClusterCache;
import dev.stook.k8s.watch.StorageKey;
import dev.stook.k8s.watch.WorkloadKey;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.storage.CSINode;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The scheduling thread: it alone touches the {@link Scheduler}. It first rebuilds the cluster state from
 * the synced informer caches, then repeatedly takes what changed from the {@link Inbox}, brings the state
 * and the pending pods in line with the cache, runs a cycle, and hands the decisions out. Until it is told
 * to {@link #lead()} it only follows the cache: no cycle runs and nothing is written, so that a standby
 * taking over decides at once instead of first rebuilding its state from tens of thousands of objects. Questions about
 * the scheduler's state are answered between cycles, as of the last one; a batch of questions alone runs no
 * cycle.
 */
public final class SchedulingLoop implements Runnable {
    /** The condition reason of a pod whose volumes could not be bound before it, as kube-scheduler's PreBind failure. */
    static final String VOLUMES_FAILED_REASON = "SchedulerError";
    private static final Logger LOG = LoggerFactory.getLogger(SchedulingLoop.class);
    private static final long IDLE_WAKE_MILLIS = 60_000;

    private final SchedulerConfig config;
    private final ClusterCache cache;
    private final AdmissionSeal seal;
    private final Inbox inbox;
    private final Consumer<BindRequest> binder;
    private final Consumer<Eviction> evictor;
    private final StatusReporter status;
    private final QueueConfigReloader queueConfig;
    private final Backoff backoff;
    private final SchedulingObserver observer;
    private final ClusterState cluster;
    private final Scheduler scheduler;
    private final Map<PodId, PodFingerprint> submitted = new HashMap<>();
    private final Map<PodId, Integer> bindFailures = new HashMap<>();
    private final Map<PodId, Long> retryAt = new HashMap<>();
    private final PodsBoundHere boundHere = new PodsBoundHere();
    private final GangReferences gangReferences = new GangReferences();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(Comparator.comparingLong(Timer::atMillis));
    private volatile boolean stopped;
    private volatile boolean leading;
    /** Pods found unschedulable while following; reported once leading. */
    private final Set<PodId> invalidWhileFollowing = new HashSet<>();
    /** Pods asking for a resource no node offers: looked at again when a node offers a new one. */
    private final Set<PodId> awaitingResources = new HashSet<>();

    private record Timer(long atMillis, PodId pod, boolean confirmRefusedBind) {}

    SchedulingLoop(SchedulerConfig config, ClusterCache cache, AdmissionSeal seal, Inbox inbox,
                   Consumer<BindRequest> binder, Consumer<Eviction> evictor,
                   StatusReporter status, ActiveQueueConfig activeQueues, Consumer<String> keepLastGoodQueues,
                   SchedulingObserver observer, Consumer<Boolean> queueConfigChecked) {
        this.config = config;
        this.cache = cache;
        this.seal = seal;
        this.inbox = inbox;
        this.binder = binder;
        this.evictor = evictor;
        this.status = status;
        this.queueConfig = new QueueConfigReloader(config.namespace(), config.queueConfigMap(), cache, activeQueues,
                status, keepLastGoodQueues, queueConfigChecked, () -> leading);
        this.observer = observer;
        this.backoff = new Backoff(config.bindBackoffInitialMillis(), config.bindBackoffMaxMillis());
        this.cluster = new ClusterState(new ChunkIndex(config.learnedLocality()));
        this.scheduler = new Scheduler(cluster, PluginProfile.standard(config.scoreWeights(), config.defaultSpread()),
                config.engine(), TimeSource.SYSTEM);
    }

    /** The loop's cluster state; read-only for anyone but the scheduling thread. */
    public ClusterState cluster() {
        return cluster;
    }

    /** Starts deciding: from the next pass on, cycles run and their decisions are handed out. */
    public void lead() {
        leading = true;
        inbox.wake();
    }

    /** Stops after the current cycle; no decision is taken after the loop has seen this. */
    public void stop() {
        stopped = true;
        inbox.wake();
    }

    @Override
    public void run() {
        try {
            List<Inbox.Question<?>> askedAtSync = List.of();
            while (!stopped && !cache.hasSynced()) {
                List<Inbox.Question<?>> questions = inbox.take(System.currentTimeMillis() + 100).questions();
                if (cache.hasSynced()) {
                    askedAtSync = questions;
                } else {
                    questions.forEach(question -> question.refuse("the informer caches have not synced yet"));
                }
            }
            if (stopped) {
                return;
            }
            rebuild(askedAtSync);
            boolean decided = false;
            while (!stopped) {
                Inbox.Batch batch = inbox.take(!leading ? System.currentTimeMillis() + IDLE_WAKE_MILLIS
                        : decided ? nextDeadline() : 0);
                if (stopped) {
                    return;
                }
                answer(batch.questions());
                apply(batch);
                if (!leading || decided && batch.isEmpty() && !batch.questions().isEmpty()) {
                    continue;
                }
                if (!decided) {
                    reportInvalidWhileFollowing();
                }
                fireTimers();
                List<Decision> decisions = runCycle();
                if (!decided) {
                    StartupLog.reached("first cycle decided (" + decisions.size() + " decisions)");
                    decided = true;
                }
                dispatch(decisions);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Builds the state from the synced caches, then answers what was asked meanwhile and while they synced. */
    private void rebuild(List<Inbox.Question<?>> askedAtSync) throws InterruptedException {
        List<Inbox.Question<?>> questions = new ArrayList<>(askedAtSync);
        questions.addAll(inbox.take(0).questions());
        queueConfig.reload().ifPresent(scheduler::updateQueues);
        for (Namespace namespace : cache.namespaces()) {
            applyNamespace(namespace.getMetadata().getName());
        }
        for (WorkloadKey workload : cache.workloads()) {
            applyWorkload(workload);
        }
        for (StorageKey storage : cache.storageObjects()) {
            applyStorage(storage);
        }
        for (Node node : cache.nodes()) {
            applyNode(node.getMetadata().getName());
        }
        // Bound pods first: a pending Spark executor then finds its driver's recorded holds, and its queue.
        List<Pod> boundFirst = new ArrayList<>(cache.pods());
        boundFirst.sort(Comparator.comparing(pod -> pod.getSpec().getNodeName() == null
                || pod.getSpec().getNodeName().isEmpty()));
        for (Pod pod : boundFirst) {
            applyPod(PodTranslator.idOf(pod));
        }
        LOG.info("state rebuilt from the cluster: {} nodes, {} placed pods, {} pending", cluster.nodeCount(),
                cluster.placedPodCount(), scheduler.pendingPods());
        answer(questions);
    }

    private void answer(List<Inbox.Question<?>> questions) {
        for (Inbox.Question<?> question : questions) {
            question.answerFrom(scheduler);
        }
    }

    private List<Decision> runCycle() {
        long start = System.nanoTime();
        List<Decision> decisions = scheduler.runCycle();
        observer.cycleFinished(scheduler, decisions, System.currentTimeMillis(), System.nanoTime() - start);
        return decisions;
    }

    private void apply(Inbox.Batch batch) {
        batch.nodes().forEach(this::applyNode);
        batch.namespaces().forEach(this::applyNamespace);
        batch.workloads().forEach(this::applyWorkload);
        batch.storage().forEach(this::applyStorage);
        batch.gangKindsServed().forEach(kind -> gangReferences.naming(kind).forEach(this::applyPod));
        batch.gangObjects().forEach(object -> gangReferences.naming(object).forEach(this::applyPod));
        batch.bindResults().forEach(this::bindFinished);
        batch.abandonedEvictions().forEach(scheduler::evictionAbandoned);
        batch.refusedEvictions().forEach(scheduler::evictionRefused);
        batch.pods().forEach(this::applyPod);
        if (batch.queueConfig()) {
            queueConfig.reload().ifPresent(scheduler::updateQueues);
        }
    }

    private void applyNamespace(String name) {
        Map<String, String> labels = cache.namespace(name).map(n -> n.getMetadata().getLabels()).orElse(null);
        scheduler.updateNamespaceLabels(name, labels == null ? Map.of() : labels);
    }

    /** A Service, ReplicationController, ReplicaSet or StatefulSet whose selector is malformed selects nothing. */
    private void applyStorage(StorageKey key) {
        Optional<? extends HasMetadata> object = cache.storageObject(key);
        switch (key.kind()) {
            case CLAIM -> cluster.updateClaim(key.namespace(), key.name(), object.map(claim -> StorageTranslator.claim(
                    (PersistentVolumeClaim) claim)).orElse(null));
            case VOLUME -> cluster.updateVolume(key.name(), object.map(volume -> StorageTranslator.volume(
                    (PersistentVolume) volume)).orElse(null));
            case CLASS -> cluster.updateStorageClass(key.name(), object.map(storageClass ->
                    StorageTranslator.storageClass((StorageClass) storageClass)).orElse(null));
            case CSI_NODE -> cluster.updateAttachLimits(key.name(), object.map(csiNode ->
                    StorageTranslator.attachLimits((CSINode) csiNode)).orElse(null));
        }
    }

    private void applyWorkload(WorkloadKey key) {
        LabelSelector selector = null;
        Optional<HasMetadata> object = cache.workload(key);
        if (object.isPresent()) {
            try {
                selector = WorkloadTranslator.selectorOf(object.get());
            } catch (IllegalArgumentException e) {
                LOG.atWarn().log("{} {}/{} left out of default spread constraints: {}", key.kind(), key.namespace(),
                        key.name(), e.getMessage());
            }
        }
        if (key.kind().equals(WorkloadKey.SERVICE)) {
            cluster.updateService(key.namespace(), key.name(), selector);
        } else {
            cluster.updateController(key.namespace(), key.object(), selector);
        }
    }

    private void applyNode(String name) {
        Optional<Node> node = cache.node(name);
        if (node.isEmpty()) {
            cluster.removeNode(name);
            return;
        }
        int knownResources = ResourceNames.count();
        try {
            cluster.upsertNode(NodeTranslator.translate(node.get()));
        } catch (IllegalArgumentException | ArithmeticException e) {
            LOG.atWarn().addKeyValue(LogFields.NODE, name).log("node left out: {}", e.getMessage());
            cluster.removeNode(name);
            return;
        }
        if (ResourceNames.count() > knownResources) {
            List.copyOf(awaitingResources).forEach(this::reconsider);
        }
        try {
            cluster.reportCachedChunks(name, NodeTranslator.cachedChunks(node.get()));
        } catch (IllegalArgumentException e) {
            LOG.atWarn().addKeyValue(LogFields.NODE, name)
                    .log("{} ignored: {}", NodeTranslator.CACHED_CHUNKS, e.getMessage());
            cluster.reportCachedChunks(name, ChunkSet.EMPTY);
        }
    }

    private void applyPod(PodId id) {
        Optional<Pod> cached = cache.pod(id);
        if (cached.isEmpty() || isTerminal(cached.get())) {
            boundHere.ended(id, cached.map(p -> p.getMetadata().getUid()).orElse(null));
            cached.filter(SchedulingLoop::succeeded).or(() -> cache.succeededPod(id))
                    .filter(p -> boundHere.succeeded(id, p.getMetadata().getUid()))
                    .ifPresent(p -> cluster.podSucceeded(translateBound(p), p.getSpec().getNodeName()));
            forgetPod(id);
            cluster.removePod(id);
            return;
        }
        Pod pod = cached.get();
        String nodeName = pod.getSpec().getNodeName();
        if (nodeName != null && !nodeName.isEmpty()) {
            forgetPod(id);
            boundHere.seen(id, pod.getMetadata().getUid());
            try {
                dev.stook.core.model.Pod bound = translateBound(pod);
                boolean ours = config.schedulerName().equals(pod.getSpec().getSchedulerName());
                Optional<AdmissionRecord> record = ours ? seal.open(pod) : Optional.empty();
                // Another scheduler's pod only uses capacity: in no queue, it is charged to none and is
                // never a victim, whatever stook.dev/ annotations it carries.
                dev.stook.core.model.Pod accounted = ours ? admitted(record, bound) : bound.inQueue(null);
                cluster.podBound(accounted, nodeName);
                record.ifPresent(admission -> readBackHolds(admission, accounted, nodeName));
            } catch (IllegalArgumentException | ArithmeticException e) {
                LOG.atWarn().addKeyValue(LogFields.POD, id).addKeyValue(LogFields.NODE, nodeName)
                        .log("bound pod cannot be accounted for: {}", e.getMessage());
            }
            return;
        }
        if (cluster.placementOf(id).filter(placement -> !placement.assumed()).isPresent()) {
            // The watch showed this name bound, yet the cache now holds it unbound: that pod is gone and a
            // new one (a StatefulSet's replacement of an evicted pod, say) reuses its name.
            cluster.removePod(id);
        }
        if (!config.schedulerName().equals(pod.getSpec().getSchedulerName())) {
            return;
        }
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            forgetPod(id);
            cluster.forget(id);
            return;
        }
        if (cluster.placementOf(id).isPresent() || retryAt.containsKey(id)) {
            return;
        }
        GangSources.Lookup gangSource = GangSources.lookup(pod, cache);
        gangReferences.track(id, gangSource.reference());
        PodFingerprint fingerprint = PodFingerprint.of(pod, gangSource);
        if (fingerprint.equals(submitted.get(id))) {
            return;
        }
        submitted.put(id, fingerprint);
        awaitingResources.remove(id);
        try {
            scheduler.submit(PodTranslator.translate(pod, gangSource));
        } catch (IllegalArgumentException | ArithmeticException e) {
            scheduler.withdraw(id);
            boolean unknownResource = asksForUnknownResource(e);
            if (unknownResource) {
                awaitingResources.add(id);
            }
            String message = "Stook cannot schedule this pod: " + e.getMessage();
            if (!leading) {
                invalidWhileFollowing.add(id);
            } else if (unknownResource) {
                // More capacity, a node that offers the resource, would help: the reason autoscalers act on.
                status.waiting(id, fingerprint.uid(), "Unschedulable", message);
            } else {
                status.invalid(id, fingerprint.uid(), message);
            }
        }
    }

    /**
     * A bound pod of Stook's as it was admitted: the sealed record its binding wrote, whatever its owner edited
     * since. Without a record that opens (a pod its creator put on a node, a record edited or copied from another
     * pod, a pod bound before records or under another key) it is charged only to a queue its namespace may
     * submit to, and may be evicted: its owner must not gain by dropping the record.
     */
    private dev.stook.core.model.Pod admitted(Optional<AdmissionRecord> record, dev.stook.core.model.Pod bound) {
        return record.map(admission -> admission.applyTo(bound))
                .orElseGet(() -> scheduler.accountable(bound).withPreemptible(true));
    }

    /**
     * The executor holds a bound pod's record names, so that a new leader keeps the holds an earlier one
     * admitted (and the current leader ignores its own).
     */
    private void readBackHolds(AdmissionRecord record, dev.stook.core.model.Pod bound, String nodeName) {
        if (record.holds() != null) {
            scheduler.executorHolds().recorded(bound, record.holds());
        }
        if (record.tookHoldOf() != null) {
            scheduler.executorHolds().takenEarlier(bound.id(), new PodId(bound.id().namespace(), record.tookHoldOf()),
                    nodeName, cluster);
        }
    }

    /** What the binding records: the pod's queue and preemptibility, and the executor holds it has to do with. */
    private AdmissionRecord admission(dev.stook.core.model.Pod pod) {
        ExecutorHolds holds = scheduler.executorHolds();
        return AdmissionRecord.of(pod).withHolds(holds.recordOf(pod.id()).orElse(null))
                .withTookHoldOf(holds.driverOfTaker(pod.id()).map(PodId::name).orElse(null));
    }

    private static dev.stook.core.model.Pod translateBound(Pod pod) {
        try {
            return PodTranslator.translateBound(pod);
        } catch (IllegalArgumentException e) {
            if (!asksForUnknownResource(e)) {
                throw e;
            }
            return PodTranslator.translateBound(KnownResources.only(pod));
        }
    }

    private static boolean asksForUnknownResource(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownResourceException) {
                return true;
            }
        }
        return false;
    }

    /** Translates the pod afresh, though it did not change. */
    private void reconsider(PodId id) {
        submitted.remove(id);
        applyPod(id);
    }

    private void reportInvalidWhileFollowing() {
        queueConfig.lead();
        for (PodId id : invalidWhileFollowing) {
            reconsider(id);
        }
        invalidWhileFollowing.clear();
    }

    private void forgetPod(PodId id) {
        scheduler.withdraw(id);
        submitted.remove(id);
        gangReferences.forget(id);
        awaitingResources.remove(id);
        bindFailures.remove(id);
        retryAt.remove(id);
    }

    private void bindFinished(BindResult result) {
        PodId id = result.pod().id();
        switch (result.outcome()) {
            case BOUND -> {
                bindFailures.remove(id);
                boundHere.bound(id, result.uid());
                status.scheduled(id, result.nodeName(), result.pod().dataReads().problem(),
                        HoldsExplanation.of(id, scheduler.executorHolds()));
                LOG.atDebug().addKeyValue(LogFields.POD, id).addKeyValue(LogFields.NODE, result.nodeName()).log("bound");
            }
            case REFUSED -> {
                LOG.atDebug().addKeyValue(LogFields.POD, id).addKeyValue(LogFields.NODE, result.nodeName())
                        .log("binding refused ({}); the watch will show where the pod is", result.detail());
                timers.add(new Timer(System.currentTimeMillis() + config.bindConfirmTimeoutMillis(), id, true));
            }
            case STALE -> LOG.atDebug().addKeyValue(LogFields.POD, id).addKeyValue(LogFields.NODE, result.nodeName())
                    .log("binding not carried out: {}", result.detail());
            case FAILED, VOLUMES_FAILED -> {
                cluster.forget(id);
                if (result.outcome() == BindResult.Outcome.VOLUMES_FAILED) {
                    status.waiting(id, result.uid(), VOLUMES_FAILED_REASON, result.detail()
                            + "; the pod is tried again");
                }
                int failures = bindFailures.merge(id, 1, Integer::sum);
                long at = System.currentTimeMillis() + backoff.delayMillis(failures);
                LOG.atWarn().addKeyValue(LogFields.POD, id).addKeyValue(LogFields.NODE, result.nodeName())
                        .log("binding failed ({}); attempt {}, retrying in {} ms", result.detail(), failures,
                                at - System.currentTimeMillis());
                retryAt.put(id, at);
                timers.add(new Timer(at, id, false));
            }
        }
    }

    private void fireTimers() {
        long now = System.currentTimeMillis();
        while (!timers.isEmpty() && timers.peek().atMillis() <= now) {
            Timer timer = timers.poll();
            PodId id = timer.pod();
            if (timer.confirmRefusedBind()) {
                boolean stillAssumed = cluster.placementOf(id).map(ClusterState.Placement::assumed).orElse(false);
                boolean unboundInCache = cache.pod(id).map(p -> p.getSpec().getNodeName() == null
                        || p.getSpec().getNodeName().isEmpty()).orElse(false);
                if (stillAssumed && unboundInCache) {
                    // Refused, yet the watch still shows the pod pending: drop the assumption and try again.
                    cluster.forget(id);
                    applyPod(id);
                }
            } else if (retryAt.getOrDefault(id, Long.MAX_VALUE) <= now) {
                retryAt.remove(id);
                applyPod(id);
            }
        }
    }

    private void dispatch(List<Decision> decisions) {
        Map<Object, VolumeBatch> volumes = volumeBatches(decisions);
        for (Decision decision : decisions) {
            if (decision instanceof Decision.Bind bind) {
                PodFingerprint decided = submitted.remove(bind.pod().id());
                binder.accept(new BindRequest(bind.pod(), decided.uid(), bind.nodeName(),
                        volumes.get(batchKey(bind.pod())), admission(bind.pod())));
            } else if (decision instanceof Decision.Evict evict) {
                evict(evict);
            } else if (decision instanceof Decision.Wait wait) {
                PodFingerprint decided = submitted.get(wait.pod().id());
                status.waiting(wait.pod().id(), decided.uid(), wait.reason(), wait.message());
            } else {
                throw new IllegalStateException("no handler for decision " + decision);
            }
        }
    }

    /**
     * The volumes to bind before the pods, by gang (a lone pod is its own): the volumes chosen for every member
     * bound first, so no member is bound while another's volumes may still fail. None for decisions without any.
     */
    private Map<Object, VolumeBatch> volumeBatches(List<Decision> decisions) {
        Map<Object, VolumeBatch> batches = new HashMap<>();
        for (Decision decision : decisions) {
            if (decision instanceof Decision.Bind bind && !bind.pod().claims().isEmpty()) {
                List<VolumeNeeds.Choice> choices = cluster.volumeChoices(bind.pod().id());
                if (choices == null) {
                    batches.put(batchKey(bind.pod()), VolumeBatch.unavailable("the volumes chosen for "
                            + bind.pod().id() + " on " + bind.nodeName() + " were taken before it was bound"));
                } else if (!choices.isEmpty()) {
                    batches.computeIfAbsent(batchKey(bind.pod()), key -> VolumeBatch.empty())
                            .add(bind.pod().id(), bind.nodeName(), choices);
                }
            }
        }
        return batches;
    }

    private static Object batchKey(dev.stook.core.model.Pod pod) {
        return pod.gang() != null ? pod.gang().id() : pod.id();
    }

    /** A victim no longer in the cache is already gone; the watch's removal frees its place. */
    private void evict(Decision.Evict evict) {
        Optional<Pod> victim = cache.pod(evict.pod().id());
        if (victim.isEmpty()) {
            LOG.atDebug().addKeyValue(LogFields.POD, evict.pod().id()).log("victim is already gone");
            return;
        }
        evictor.accept(new Eviction(victim.get(), evict.reason(), evict.message()));
    }

    private long nextDeadline() {
        long next = Math.min(scheduler.nextTimedChangeMillis(), System.currentTimeMillis() + IDLE_WAKE_MILLIS);
        return timers.isEmpty() ? next : Math.min(next, timers.peek().atMillis());
    }

    private static boolean succeeded(Pod pod) {
        return pod.getStatus() != null && "Succeeded".equals(pod.getStatus().getPhase());
    }

    private static boolean isTerminal(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }
}
