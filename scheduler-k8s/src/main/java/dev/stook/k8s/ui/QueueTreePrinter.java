package dev.stook.k8s.ui;

import dev.stook.core.model.InputText;
import dev.stook.core.overview.Overview;
import dev.stook.core.overview.QueueResource;
import dev.stook.core.overview.QueueRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code stook queues}: the queue tree as the page shows it, one queue a line, children indented under their
 * parent: pending pods, then per resource {@code held/fair share/guaranteed/cap} ({@code -} for no cap), then
 * whom it borrows from.
 */
public final class QueueTreePrinter {
    private static final int MAX_NAME = 120;

    private QueueTreePrinter() {}

    public static String print(Overview overview) {
        List<String> resources = overview.queues().isEmpty() ? List.of()
                : overview.queues().get(0).resources().stream().map(QueueResource::resource).toList();
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("QUEUE", "PENDING"));
        resources.forEach(resource -> header.add(resource.toUpperCase(Locale.ROOT)
                + " held/fair/guaranteed/cap"));
        header.add("BORROWS");
        rows.add(header);
        for (QueueRow queue : overview.queues()) {
            List<String> row = new ArrayList<>();
            row.add("  ".repeat(queue.depth()) + InputText.escape(queue.name(), MAX_NAME));
            row.add(Integer.toString(queue.pendingPods()));
            for (QueueResource resource : queue.resources()) {
                row.add(resource.allocated() + "/" + resource.fairShare() + "/" + resource.guaranteed() + "/"
                        + (resource.max() == null ? "-" : resource.max()));
            }
            row.add(borrowing(queue));
            rows.add(row);
        }
        return Columns.format(rows);
    }

    private static String borrowing(QueueRow queue) {
        List<String> loans = new ArrayList<>();
        for (QueueRow.Loan loan : queue.borrowing()) {
            List<String> from = new ArrayList<>();
            for (QueueRow.Lender lender : loan.from()) {
                from.add((lender.queue() == null ? "unguaranteed capacity" : InputText.escape(lender.queue(), MAX_NAME))
                        + " " + lender.amount());
            }
            loans.add(loan.amount() + " " + loan.resource() + " from " + String.join(", ", from));
        }
        return loans.isEmpty() ? "-" : String.join("; ", loans);
    }
}
