package dev.stook.k8s.loop;

import dev.stook.core.cycle.Scheduler;
import dev.stook.core.cycle.SchedulerQuestions;
import dev.stook.core.model.PodId;
import dev.stook.k8s.bind.BindResult;
import dev.stook.k8s.evict.EvictionFeedback;
import dev.stook.k8s.translate.GangObjectKey;
import dev.stook.k8s.translate.GangObjectKind;
import dev.stook.k8s.watch.ClusterChanges;
import dev.stook.k8s.watch.StorageKey;
import dev.stook.k8s.watch.WorkloadKey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Everything the scheduling thread must look at, handed over by informer and binder threads without
 * blocking them. Changed keys coalesce: a pod updated a hundred times before the next cycle is read once.
 * Questions from other threads about the scheduler's state wait here too, for the scheduling thread to answer.
 */
final class Inbox implements ClusterChanges, EvictionFeedback, SchedulerQuestions {
    private Set<PodId> pods = new LinkedHashSet<>();
    private Set<String> nodes = new LinkedHashSet<>();
    private Set<String> namespaces = new LinkedHashSet<>();
    private Set<WorkloadKey> workloads = new LinkedHashSet<>();
    private Set<StorageKey> storage = new LinkedHashSet<>();
    private Set<GangObjectKey> gangObjects = new LinkedHashSet<>();
    private Set<GangObjectKind> gangKindsServed = new LinkedHashSet<>();
    private List<BindResult> bindResults = new ArrayList<>();
    private Set<PodId> abandonedEvictions = new LinkedHashSet<>();
    private Map<PodId, String> refusedEvictions = new LinkedHashMap<>();
    private List<Question<?>> questions = new ArrayList<>();
    private boolean queueConfig;
    private boolean woken;

    /** What arrived since the previous {@link #take}. */
    record Batch(Set<PodId> pods, Set<String> nodes, Set<String> namespaces, Set<WorkloadKey> workloads,
                 Set<StorageKey> storage, Set<GangObjectKey> gangObjects, Set<GangObjectKind> gangKindsServed,
                 List<BindResult> bindResults, Set<PodId> abandonedEvictions, Map<PodId, String> refusedEvictions,
                 boolean queueConfig, List<Question<?>> questions) {
        /** True when nothing changed; there may still be questions. */
        boolean isEmpty() {
            return pods.isEmpty() && nodes.isEmpty() && namespaces.isEmpty() && workloads.isEmpty()
                    && storage.isEmpty() && gangObjects.isEmpty() && gangKindsServed.isEmpty() && bindResults.isEmpty()
                    && abandonedEvictions.isEmpty() && refusedEvictions.isEmpty() && !queueConfig;
        }
    }

    /** A question about the scheduler's state, to be answered by the scheduling thread. */
    record Question<T>(Function<Scheduler, T> ask, CompletableFuture<T> answer) {
        void answerFrom(Scheduler scheduler) {
            try {
                answer.complete(ask.apply(scheduler));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        }

        void refuse(String why) {
            answer.completeExceptionally(new IllegalStateException(why));
        }
    }

    @Override
    public synchronized void podChanged(PodId id) {
        pods.add(id);
        notifyAll();
    }

    @Override
    public synchronized void nodeChanged(String name) {
        nodes.add(name);
        notifyAll();
    }

    @Override
    public synchronized void namespaceChanged(String name) {
        namespaces.add(name);
        notifyAll();
    }

    @Override
    public synchronized void workloadChanged(WorkloadKey key) {
        workloads.add(key);
        notifyAll();
    }

    @Override
    public synchronized void storageChanged(StorageKey key) {
        storage.add(key);
        notifyAll();
    }

    @Override
    public synchronized void gangObjectChanged(GangObjectKey key) {
        gangObjects.add(key);
        notifyAll();
    }

    @Override
    public synchronized void gangObjectsServed(GangObjectKind kind) {
        gangKindsServed.add(kind);
        notifyAll();
    }

    @Override
    public synchronized void queueConfigChanged() {
        queueConfig = true;
        notifyAll();
    }

    synchronized void bindFinished(BindResult result) {
        bindResults.add(result);
        notifyAll();
    }

    /** The evictor gave up on a victim: the engine may look for other room. */
    @Override
    public synchronized void abandoned(PodId victim) {
        abandonedEvictions.add(victim);
        notifyAll();
    }

    @Override
    public synchronized void refused(PodId victim, String why) {
        refusedEvictions.put(victim, why);
        notifyAll();
    }

    @Override
    public synchronized <T> CompletableFuture<T> ask(Function<Scheduler, T> ask) {
        Question<T> question = new Question<>(ask, new CompletableFuture<>());
        questions.add(question);
        notifyAll();
        return question.answer();
    }

    /** Makes a waiting {@link #take} return, for example to stop. */
    synchronized void wake() {
        woken = true;
        notifyAll();
    }

    /** Waits until something arrives, {@link #wake} is called, or the deadline passes; then empties the inbox. */
    synchronized Batch take(long deadlineMillis) throws InterruptedException {
        while (!woken && pods.isEmpty() && nodes.isEmpty() && namespaces.isEmpty() && workloads.isEmpty()
                && storage.isEmpty() && gangObjects.isEmpty() && gangKindsServed.isEmpty() && bindResults.isEmpty()
                && abandonedEvictions.isEmpty() && refusedEvictions.isEmpty() && !queueConfig && questions.isEmpty()) {
            long wait = deadlineMillis - System.currentTimeMillis();
            if (wait <= 0) {
                break;
            }
            wait(wait);
        }
        Batch batch = new Batch(pods, nodes, namespaces, workloads, storage, gangObjects, gangKindsServed,
                bindResults, abandonedEvictions,
                refusedEvictions, queueConfig, questions);
        pods = new LinkedHashSet<>();
        questions = new ArrayList<>();
        nodes = new LinkedHashSet<>();
        namespaces = new LinkedHashSet<>();
        workloads = new LinkedHashSet<>();
        storage = new LinkedHashSet<>();
        gangObjects = new LinkedHashSet<>();
        gangKindsServed = new LinkedHashSet<>();
        bindResults = new ArrayList<>();
        abandonedEvictions = new LinkedHashSet<>();
        refusedEvictions = new LinkedHashMap<>();
        queueConfig = false;
        woken = false;
        return batch;
    }
}
