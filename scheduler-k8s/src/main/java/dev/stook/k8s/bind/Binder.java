package dev.stook.k8s.bind;

import dev.stook.core.model.Pod;
import dev.stook.k8s.admit.AdmissionRecord;
import dev.stook.k8s.admit.AdmissionSeal;
import dev.stook.k8s.lead.LeaseFence;
import dev.stook.k8s.logging.LogFields;
import dev.stook.k8s.watch.ClusterCache;
import io.fabric8.kubernetes.api.model.Binding;
import io.fabric8.kubernetes.api.model.BindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Sends bindings ({@code POST pods/{name}/binding}) on a fixed pool, so at most {@code concurrency} are in
 * flight and the scheduling thread only enqueues. Each result goes to the observer, then to the sink, from a
 * pool thread. Each binding names the uid of the pod it was decided for, and is not sent once the informer
 * cache shows that pod gone or replaced under the same name ({@link PodIncarnation}). Each binding records,
 * sealed, the queue and preemptibility the pod was admitted with ({@link AdmissionRecord}): the API server
 * copies a Binding's annotations onto the pod in the same write that binds it. A pod whose claims wait for
 * volumes is bound only once they are bound ({@link VolumeBinder}), a gang's members once all their volumes
 * are. That wait may last minutes (a slow provisioner), so it holds a thread of a second pool of the same size:
 * pods whose volumes wait can never hold back the bindings of other pods. Nothing is sent once the
 * {@link LeaseFence} has closed, checked again after a volume wait: bindings still queued then are dropped
 * without a result, since the scheduling loop is stopping and the next leader decides afresh.
 */
public final class Binder {
    private static final Logger LOG = LoggerFactory.getLogger(Binder.class);

    private final KubernetesClient client;
    private final LeaseFence fence;
    private final PodIncarnation incarnation;
    private final AdmissionSeal seal;
    private final Consumer<BindResult> results;
    private final BindObserver observer;
    private final ExecutorService pool;
    private final ExecutorService volumePool;
    private final VolumeBinder volumes;

    /**
     * @param volumeBindTimeoutMillis how long to wait for a pod's claims to be bound before giving up on them
     *                                (kube-scheduler's bindTimeoutSeconds)
     */
    public Binder(KubernetesClient client, LeaseFence fence, ClusterCache cache, AdmissionSeal seal, int concurrency,
                  long volumeBindTimeoutMillis, Consumer<BindResult> results, BindObserver observer) {
        this.client = client;
        this.volumes = new VolumeBinder(client, volumeBindTimeoutMillis);
        this.seal = seal;
        this.fence = fence;
        this.incarnation = new PodIncarnation(cache);
        this.results = results;
        this.observer = observer;
        this.pool = daemonPool(concurrency, "stook-binder-");
        this.volumePool = daemonPool(concurrency, "stook-volume-binder-");
    }

    private static ExecutorService daemonPool(int threads, String namePrefix) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, namePrefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public void bind(BindRequest request) {
        if (request.volumes() == null) {
            pool.execute(() -> sendIfStillWanted(request, System.nanoTime()));
            return;
        }
        volumePool.execute(() -> {
            if (!stillWanted(request)) {
                return;
            }
            long start = System.nanoTime();
            String volumeProblem = request.volumes().bindOnce(volumes);
            if (volumeProblem != null) {
                finished(new BindResult(request.pod(), request.uid(), request.nodeName(),
                        BindResult.Outcome.VOLUMES_FAILED, volumeProblem), start);
                return;
            }
            try {
                pool.execute(() -> sendIfStillWanted(request, start));
            } catch (RejectedExecutionException e) {
                LOG.atDebug().addKeyValue(LogFields.POD, request.pod().id())
                        .log("binding dropped: the binder stopped while the pod's volumes were bound");
            }
        });
    }

    private void sendIfStillWanted(BindRequest request, long start) {
        if (stillWanted(request)) {
            finished(send(request), start);
        }
    }

    /** False, with the stale result passed on, when the pod is gone or replaced; false when the lease is lost. */
    private boolean stillWanted(BindRequest request) {
        if (!fence.permits()) {
            LOG.atDebug().addKeyValue(LogFields.POD, request.pod().id())
                    .addKeyValue(LogFields.NODE, request.nodeName())
                    .log("binding dropped: this instance no longer holds the lease");
            return false;
        }
        if (!incarnation.isCurrent(request.pod().id(), request.uid())) {
            results.accept(stale(request));
            return false;
        }
        return true;
    }

    private void finished(BindResult result, long start) {
        observer.bindingFinished(result, System.nanoTime() - start);
        results.accept(result);
    }

    private BindResult send(BindRequest request) {
        Pod pod = request.pod();
        String nodeName = request.nodeName();
        Binding binding = new BindingBuilder()
                .withNewMetadata().withNamespace(pod.id().namespace()).withName(pod.id().name())
                .withUid(request.uid()).withAnnotations(seal.annotations(request.uid(), request.admission()))
                .endMetadata()
                .withNewTarget().withApiVersion("v1").withKind("Node").withName(nodeName).endTarget()
                .build();
        String url = client.getMasterUrl().toString().replaceAll("/+$", "") + "/api/v1/namespaces/"
                + pod.id().namespace() + "/pods/" + pod.id().name() + "/binding";
        try {
            client.raw(url, "POST", binding);
            return new BindResult(pod, request.uid(), nodeName, BindResult.Outcome.BOUND, "");
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409 && e.getCode() != 404) {
                return new BindResult(pod, request.uid(), nodeName, BindResult.Outcome.FAILED, describe(e));
            }
            if (!incarnation.isCurrent(pod.id(), request.uid())) {
                return stale(request);
            }
            return new BindResult(pod, request.uid(), nodeName, BindResult.Outcome.REFUSED, describe(e));
        } catch (RuntimeException e) {
            return new BindResult(pod, request.uid(), nodeName, BindResult.Outcome.FAILED,
                    String.valueOf(e.getMessage()));
        }
    }

    private static BindResult stale(BindRequest request) {
        return new BindResult(request.pod(), request.uid(), request.nodeName(), BindResult.Outcome.STALE,
                "pod " + request.uid() + " is gone or was replaced under its name");
    }

    private static String describe(KubernetesClientException e) {
        if (e.getStatus() != null && e.getStatus().getMessage() != null) {
            return e.getCode() + " " + e.getStatus().getMessage();
        }
        return e.getCode() + " " + e.getMessage();
    }

    /** Takes no new bindings and waits up to the timeout for those in flight; true if all finished. */
    public boolean shutdown(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        volumePool.shutdown();
        boolean volumesFinished = volumePool.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
        pool.shutdown();
        return pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                && volumesFinished;
    }
}
