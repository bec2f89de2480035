package dev.stook.k8s.status;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectReference;
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
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes events.k8s.io/v1 Events on one background thread, one namespace's after another's in turn, within
 * the overall rate limit: a namespace flooding Stook with unschedulable pods waits for its own Events, not
 * everyone's. Repeats within the interval, and the oldest of the longest backlog when the bounded backlog is
 * full, are dropped: Events are a courtesy, the pod condition carries the state.
 */
public final class EventRecorder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
    private static final DateTimeFormatter MICRO_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final int MAX_NOTE = 1024;
    private static final int MAX_WAITING = 1_000;

    private final KubernetesClient client;
    private final EventRepeats repeats;
    private final EventRateLimiter limiter;
    private final String controller;
    private final String instance;
    private final NamespaceRoundRobin<Event> waiting = new NamespaceRoundRobin<>(MAX_WAITING);
    private final Thread sender;

    public EventRecorder(KubernetesClient client, EventRepeats repeats, EventRateLimiter limiter, String controller,
                         String instance) {
        this.client = client;
        this.repeats = repeats;
        this.limiter = limiter;
        this.controller = controller;
        this.instance = instance;
        this.sender = new Thread(this::send, "stook-events");
        this.sender.setDaemon(true);
        this.sender.start();
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
        if (!repeats.admit(key)) {
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
        waiting.add(String.valueOf(event.getMetadata().getNamespace()), event);
    }

    private void send() {
        try {
            for (Optional<Event> next = waiting.take(); next.isPresent(); next = waiting.take()) {
                for (long wait = limiter.tryTake(); wait > 0; wait = limiter.tryTake()) {
                    Thread.sleep(wait);
                }
                write(next.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(Event event) {
        try {
            client.events().v1().events().inNamespace(event.getMetadata().getNamespace()).resource(event).create();
        } catch (KubernetesClientException | IllegalStateException e) {
            // IllegalStateException: the client was closed under a send in flight at shutdown
            ObjectReference regarding = event.getRegarding();
            LOG.atDebug().addKeyValue(regarding.getKind().toLowerCase(Locale.ROOT),
                            regarding.getNamespace() + "/" + regarding.getName())
                    .log("event {} not written: {}", event.getReason(), e.getMessage());
        }
    }

    /** Events still waiting are dropped: they are best effort, and the client is closed next. */
    @Override
    public void close() {
        waiting.close();
        sender.interrupt();
    }
}
