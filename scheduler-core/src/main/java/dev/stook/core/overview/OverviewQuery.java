package dev.stook.core.overview;

import java.util.function.Predicate;

/**
 * What one overview is asked for.
 *
 * @param visible   the namespaces the asker may see pods of; pods, gangs and evictions elsewhere are left out
 * @param queue     only units in this queue or below it; null for all
 * @param namespace only units in this namespace; null for all
 * @param limit     the most units explained
 */
public record OverviewQuery(Predicate<String> visible, String queue, String namespace, int limit) {
    /** The namespaces whose units are listed. */
    Predicate<String> listed() {
        return namespace == null ? visible : visible.and(namespace::equals);
    }
}
