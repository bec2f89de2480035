package dev.stook.k8s.status;

import dev.stook.core.model.PodId;
import dev.stook.k8s.bind.Backoff;
import dev.stook.k8s.logging.LogFields;
import dev.stook.k8s.watch.ClusterCache;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sets {@code PodScheduled=False} with a reason and message on pending pods, through the status
 * subresource, on one background thread. Requests for the same pod coalesce (the latest wins), and a pod
 * whose cached condition already says the same is not written again. A failed write is retried with
 * backoff, a few times at most, unless a newer request for the pod replaced it. A condition is written only
 * on the incarnation of the pod it was decided for: the cache must show that uid, and the patch carries it,
 * so the API server refuses it (422, the uid is immutable) if the name was reused since.
 */
public final class PodConditionWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PodConditionWriter.class);
    private static final String POD_SCHEDULED = "PodScheduled";
    /** Bounded so that a pod whose writes the server keeps refusing does not hold the writer forever. */
    private static final int MAX_ATTEMPTS = 5;

    private final KubernetesClient client;
    private final ClusterCache cache;
    private final Backoff backoff;
    private final PendingConditions pending = new PendingConditions();
    private final Thread worker;

    public PodConditionWriter(KubernetesClient client, ClusterCache cache, Backoff backoff) {
        this.client = client;
        this.cache = cache;
        this.backoff = backoff;
        this.worker = new Thread(this::work, "stook-pod-conditions");
        this.worker.setDaemon(true);
        this.worker.start();
    }

    public void unschedulable(PodId pod, String uid, String reason, String message) {
        pending.add(ConditionRequest.now(pod, uid, reason, message));
    }

    private void work() {
        try {
            for (Optional<ConditionRequest> next = pending.takeDue(); next.isPresent(); next = pending.takeDue()) {
                ConditionRequest request = next.get();
                boolean done = cache.pod(request.pod()).filter(pod -> request.uid().equals(pod.getMetadata().getUid()))
                        .map(pod -> write(pod, request)).orElse(true);
                if (!done && request.failures() + 1 < MAX_ATTEMPTS) {
                    pending.retry(request.failed(backoff.delayMillis(request.failures() + 1)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** False if the server did not take the write; true once written or when there is nothing to write. */
    private boolean write(Pod pod, ConditionRequest next) {
        if (pod.getSpec().getNodeName() != null && !pod.getSpec().getNodeName().isEmpty()) {
            return true;
        }
        List<PodCondition> conditions = new ArrayList<>();
        if (pod.getStatus() != null && pod.getStatus().getConditions() != null) {
            for (PodCondition condition : pod.getStatus().getConditions()) {
                if (!POD_SCHEDULED.equals(condition.getType())) {
                    conditions.add(condition);
                } else if ("False".equals(condition.getStatus()) && next.reason().equals(condition.getReason())
                        && next.message().equals(condition.getMessage())) {
                    return true;
                }
            }
        }
        conditions.add(new PodConditionBuilder().withType(POD_SCHEDULED).withStatus("False")
                .withReason(next.reason()).withMessage(next.message())
                .withLastTransitionTime(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()).build());
        // A JSON merge patch replaces the whole list, so the pod's other conditions are sent back with it.
        String patch = Serialization.asJson(Map.of(
                "metadata", Map.of("uid", next.uid()),
                "status", Map.of("conditions", conditions)));
        try {
            client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                    .subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE), patch);
            return true;
        } catch (KubernetesClientException | IllegalStateException e) {
            // IllegalStateException: the client was closed under a write in flight at shutdown
            LOG.atDebug().addKeyValue(LogFields.POD, LogFields.nameOf(pod))
                    .log("PodScheduled condition not written (attempt {}): {}", next.failures() + 1, e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        pending.close();
    }
}
