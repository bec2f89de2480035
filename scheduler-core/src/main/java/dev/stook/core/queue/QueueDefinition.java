package dev.stook.core.queue;

import dev.stook.core.model.Resources;

import java.util.List;

/**
 * One queue of the configured tree.
 *
 * @param path       dotted path from the top, such as {@code research.nlp}
 * @param max        caps on the resources it names; others are unlimited
 * @param submitters namespaces allowed to submit; unset means whatever the parent allows (everyone at the top)
 */
public record QueueDefinition(String path, String name, double weight, Resources guaranteed, ResourceCap max,
                              QueuePolicy policy, Submitters submitters, List<QueueDefinition> children) {
    public QueueDefinition {
        children = List.copyOf(children);
    }

    public boolean isLeaf() {
        return children.isEmpty();
    }
}
