package dev.stook.core.overview;

import dev.stook.core.model.Quantity;
import dev.stook.core.model.ResourceNames;
import dev.stook.core.queue.QueueConfig;
import dev.stook.core.queue.QueueDefinition;
import dev.stook.core.queue.QueueView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who borrows from whom, among siblings of the queue tree, for the resources some queue is guaranteed (using
 * another resource is never borrowing, see {@link QueueConfig#guaranteeOf}). A queue borrows what it holds
 * beyond its own guarantee; its siblings lend what they leave unused of theirs, each borrower taking from each
 * lender in proportion to that lender's unused guarantee. What the siblings' unused guarantees do not cover
 * comes from the parent's share, or at the top from capacity no queue is guaranteed.
 */
final class Borrowing {
    private Borrowing() {}

    /** The loans of every queue that borrows, by path. */
    static Map<String, List<QueueRow.Loan>> of(QueueView view, List<Integer> slots) {
        Map<String, List<QueueRow.Loan>> loans = new HashMap<>();
        QueueConfig config = view.config();
        among(config.topLevel(), null, view, slots, loans);
        for (QueueDefinition queue : config.all()) {
            among(queue.children(), queue.path(), view, slots, loans);
        }
        return loans;
    }

    private static void among(List<QueueDefinition> siblings, String parent, QueueView view, List<Integer> slots,
                              Map<String, List<QueueRow.Loan>> loans) {
        for (int slot : slots) {
            if (siblings.isEmpty() || !view.config().guaranteeOf(siblings.get(0).path()).limits(slot)) {
                continue;
            }
            long[] borrowed = new long[siblings.size()];
            long[] unused = new long[siblings.size()];
            double borrowedInAll = 0;
            double unusedInAll = 0;
            for (int i = 0; i < siblings.size(); i++) {
                long held = view.allocated(siblings.get(i).path()).get(slot);
                long guaranteed = siblings.get(i).guaranteed().get(slot);
                borrowed[i] = Math.max(0, held - guaranteed);
                unused[i] = Math.max(0, guaranteed - held);
                borrowedInAll += borrowed[i];
                unusedInAll += unused[i];
            }
            double pool = Math.max(borrowedInAll, unusedInAll);
            boolean cpu = slot == ResourceNames.CPU;
            for (int i = 0; i < siblings.size(); i++) {
                if (borrowed[i] == 0) {
                    continue;
                }
                List<QueueRow.Lender> from = new ArrayList<>();
                long covered = 0;
                for (int j = 0; j < siblings.size(); j++) {
                    long part = Math.round(borrowed[i] * (unused[j] / pool));
                    if (part > 0) {
                        from.add(new QueueRow.Lender(siblings.get(j).path(), Quantity.format(part, cpu)));
                        covered += part;
                    }
                }
                if (covered < borrowed[i]) {
                    from.add(new QueueRow.Lender(parent, Quantity.format(borrowed[i] - covered, cpu)));
                }
                loans.computeIfAbsent(siblings.get(i).path(), path -> new ArrayList<>()).add(new QueueRow.Loan(
                        ResourceNames.nameOf(slot), Quantity.format(borrowed[i], cpu), from));
            }
        }
    }
}
