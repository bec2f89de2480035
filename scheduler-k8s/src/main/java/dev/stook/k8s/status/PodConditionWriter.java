package dev.stook.k8s.status;

import dev.stook.core.model.PodId;
import dev.stook.k8s.watch.ClusterCache;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sets {@code PodScheduled=False} with a reason and message on pending pods, through the status
 * subresource, on one background thread. Requests for the same pod coalesce (the latest wins), and a pod
 * whose cached condition already says the same is not written again.
 */
public final class PodConditionWriter implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PodConditionWriter.class.getName());
    private static final String POD_SCHEDULED = "PodScheduled";

    private final KubernetesClient client;
    private final ClusterCache cache;
    private final Map<PodId, Wanted> wanted = new LinkedHashMap<>();
    private final Thread worker;
    private boolean closed;

    private record Wanted(String reason, String message) {}

    public PodConditionWriter(KubernetesClient client, ClusterCache cache) {
        this.client = client;
        this.cache = cache;
        this.worker = new Thread(this::work, "stook-pod-conditions");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    public synchronized void unschedulable(PodId pod, String reason, String message) {
        wanted.put(pod, new Wanted(reason, message));
        notifyAll();
    }

    private void work() {
        while (true) {
            PodId id;
            Wanted next;
            synchronized (this) {
                while (wanted.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                var first = wanted.entrySet().iterator().next();
                id = first.getKey();
                next = first.getValue();
                wanted.remove(id);
            }
            cache.pod(id).ifPresent(pod -> write(pod, next));
        }
    }

    private void write(Pod pod, Wanted next) {
        if (pod.getSpec().getNodeName() != null && !pod.getSpec().getNodeName().isEmpty()) {
            return;
        }
        List<PodCondition> conditions = new ArrayList<>();
        if (pod.getStatus() != null && pod.getStatus().getConditions() != null) {
            for (PodCondition condition : pod.getStatus().getConditions()) {
                if (!POD_SCHEDULED.equals(condition.getType())) {
                    conditions.add(condition);
                } else if ("False".equals(condition.getStatus()) && next.reason().equals(condition.getReason())
                        && next.message().equals(condition.getMessage())) {
                    return;
                }
            }
        }
        conditions.add(new PodConditionBuilder().withType(POD_SCHEDULED).withStatus("False")
                .withReason(next.reason()).withMessage(next.message())
                .withLastTransitionTime(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()).build());
        // A JSON merge patch replaces the whole list, so the pod's other conditions are sent back with it.
        String patch = Serialization.asJson(Map.of("status", Map.of("conditions", conditions)));
        try {
            client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                    .subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE), patch);
        } catch (KubernetesClientException e) {
            LOG.log(Level.FINE, "condition of " + pod.getMetadata().getName() + " not written: " + e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
