package dev.stook.core.queue;

import dev.stook.core.model.Pod;

import java.util.stream.Collectors;

/** Finds the leaf queue a pod belongs to, and whether its namespace may submit there. */
public final class QueueResolver {
    public static final String QUEUE_ANNOTATION = "stook.dev/queue";

    private final QueueConfig config;
    private final NamespaceLabels labels;

    public QueueResolver(QueueConfig config, NamespaceLabels labels) {
        this.config = config;
        this.labels = labels;
    }

    /** The leaf queue, or the reason the pod has none. */
    public record Resolution(String queue, String problem) {
        static Resolution of(String queue) {
            return new Resolution(queue, null);
        }

        static Resolution refused(String problem) {
            return new Resolution(null, problem);
        }

        public boolean resolved() {
            return queue != null;
        }
    }

    public Resolution resolve(Pod pod) {
        if (config.closedBecause().isPresent()) {
            return Resolution.refused(config.closedBecause().get());
        }
        String namespace = pod.id().namespace();
        String path = pod.queue();
        if (path == null) {
            path = config.placement().stream().filter(rule -> rule.matches(namespace)).map(PlacementRule::queue)
                    .findFirst().orElse(null);
            if (path == null) {
                return Resolution.refused("no placement rule matches namespace " + namespace
                        + " and the pod names no queue (" + QUEUE_ANNOTATION + ")");
            }
        }
        QueueDefinition queue = config.queue(path);
        if (queue == null) {
            return Resolution.refused("queue " + abbreviate(path) + " does not exist; leaf queues: " + leafPaths());
        }
        if (!queue.isLeaf()) {
            return Resolution.refused("queue " + path + " has children; name one of them: "
                    + queue.children().stream().map(QueueDefinition::path).collect(Collectors.joining(", ")));
        }
        Submitters submitters = effectiveSubmitters(path);
        if (!submitters.isUnset() && !submitters.admit(namespace, labels.of(namespace))) {
            return Resolution.refused("namespace " + namespace + " may not submit to queue " + path
                    + " (submitters: " + submitters + ")");
        }
        return Resolution.of(path);
    }

    /** A queue's own submitters, or its nearest ancestor's; unset means everyone. */
    private Submitters effectiveSubmitters(String path) {
        for (String current = path; current != null; current = QueueConfig.parentOf(current)) {
            Submitters submitters = config.queue(current).submitters();
            if (!submitters.isUnset()) {
                return submitters;
            }
        }
        return Submitters.UNSET;
    }

    private String leafPaths() {
        String leaves = config.all().stream().filter(QueueDefinition::isLeaf).map(QueueDefinition::path)
                .limit(20).collect(Collectors.joining(", "));
        return leaves.isEmpty() ? "none" : leaves;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
