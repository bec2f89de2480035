package dev.stook.k8s.status;

import dev.stook.k8s.logging.LogFields;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.api.model.events.v1.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Writes events.k8s.io/v1 Events, rate-limited, on one background thread. Events over the limit, or
 * beyond a bounded backlog, are dropped: they are a courtesy, the pod condition carries the state.
 */
public final class EventRecorder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
    private static final DateTimeFormatter MICRO_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_NOTE = 1024;

    private final KubernetesClient client;
    private final EventRateLimiter limiter;
    private final String controller;
    private final String instance;
    private final ThreadPoolExecutor sender;

    public EventRecorder(KubernetesClient client, EventRateLimiter limiter, String controller, String instance) {
        this.client = client;
        this.limiter = limiter;
        this.controller = controller;
        this.instance = instance;
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1_000), task -> {
            Thread thread = new Thread(task, "stook-events");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.DiscardPolicy());
    }

    public void normal(HasMetadata regarding, String reason, String action, String note) {
        record(regarding, "Normal", reason, action, note);
    }

    public void warning(HasMetadata regarding, String reason, String action, String note) {
        record(regarding, "Warning", reason, action, note);
    }

    private void record(HasMetadata regarding, String type, String reason, String action, String note) {
        String key = regarding.getKind() + "/" + regarding.getMetadata().getNamespace() + "/"
                + regarding.getMetadata().getName() + "/" + reason;
        if (!limiter.tryAcquire(key)) {
            return;
        }
        Event event = new EventBuilder()
                .withNewMetadata()
                .withNamespace(regarding.getMetadata().getNamespace())
                .withName(regarding.getMetadata().getName() + "." + UUID.randomUUID().toString().replace("-", ""))
                .endMetadata()
                .withEventTime(new MicroTime(MICRO_TIME.format(Instant.now())))
                .withType(type)
                .withReason(reason)
                .withAction(action)
                .withNote(note.length() <= MAX_NOTE ? note : note.substring(0, MAX_NOTE - 1) + "…")
                .withReportingController(controller)
                .withReportingInstance(instance)
                .withRegarding(new ObjectReferenceBuilder()
                        .withApiVersion(regarding.getApiVersion()).withKind(regarding.getKind())
                        .withNamespace(regarding.getMetadata().getNamespace())
                        .withName(regarding.getMetadata().getName()).withUid(regarding.getMetadata().getUid())
                        .build())
                .build();
        sender.execute(() -> {
            try {
                client.events().v1().events().inNamespace(event.getMetadata().getNamespace()).resource(event).create();
            } catch (KubernetesClientException | IllegalStateException e) {
                // IllegalStateException: the client was closed under a send in flight at shutdown
                LOG.atDebug().addKeyValue(LogFields.keyOf(regarding), LogFields.nameOf(regarding))
                        .log("event {} not written: {}", reason, e.getMessage());
            }
        });
    }

    /** Events still queued are dropped: they are best effort, and the client is closed next. */
    @Override
    public void close() {
        sender.shutdownNow();
    }
}
