package dev.stook.core.overview;

import dev.stook.core.queue.QueuePolicy;

import java.util.List;

/**
 * One queue of the tree as an overview shows it.
 *
 * @param parent      the parent's path, or null at the top
 * @param depth       0 at the top
 * @param pendingPods pods waiting in it or below it
 * @param borrowing   per resource it holds beyond its guarantee, whom that comes from; empty when it borrows nothing
 */
public record QueueRow(String path, String name, String parent, int depth, boolean leaf, double weight,
                       QueuePolicy policy, int pendingPods, List<QueueResource> resources, List<Loan> borrowing) {
    public QueueRow {
        resources = List.copyOf(resources);
        borrowing = List.copyOf(borrowing);
    }

    /**
     * What a queue holds of one resource beyond its guarantee, and from whom.
     *
     * @param amount a Kubernetes quantity
     */
    public record Loan(String resource, String amount, List<Lender> from) {
        public Loan {
            from = List.copyOf(from);
        }
    }

    /**
     * Part of a loan: from a sibling's unused guarantee ({@code queue} the sibling's path), from the parent's
     * share ({@code queue} the parent's path), or, at the top of the tree, from capacity no queue is guaranteed
     * ({@code queue} null).
     */
    public record Lender(String queue, String amount) {}
}
