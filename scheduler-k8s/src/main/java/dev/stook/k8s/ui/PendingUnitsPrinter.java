package dev.stook.k8s.ui;

import dev.stook.core.explain.GangProgress;
import dev.stook.core.explain.PendingExplanation;
import dev.stook.core.explain.UnitExplanation;
import dev.stook.core.model.Durations;
import dev.stook.core.model.InputText;
import dev.stook.core.overview.Overview;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code stook gangs}: the pending gangs and lone pods as the page lists them, one a line (namespace, name, queue,
 * gang progress, waiting time, the reason of its last attempt), each followed by its last attempt's message and
 * what holds it up, indented.
 */
public final class PendingUnitsPrinter {
    private static final int MAX_TEXT = 400;

    private PendingUnitsPrinter() {}

    public static String print(Overview overview) {
        if (overview.units().isEmpty()) {
            return "No pending gangs or pods you may see.\n";
        }
        StringBuilder out = new StringBuilder();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("NAMESPACE", "GANG OR POD", "QUEUE", "PROGRESS", "WAITING", "REASON"));
        for (UnitExplanation unit : overview.units()) {
            PendingExplanation pending = unit.explanation();
            rows.add(List.of(InputText.escape(unit.namespace(), MAX_TEXT), InputText.escape(name(unit), MAX_TEXT),
                    pending.queue() == null ? "none" : InputText.escape(pending.queue().leaf(), MAX_TEXT),
                    progress(pending.gang()), Durations.format(pending.waitingMillis() / 1000 * 1000),
                    pending.lastAttempt() == null ? "not tried yet" : InputText.escape(pending.lastAttempt().reason(),
                            MAX_TEXT)));
        }
        String[] lines = Columns.format(rows).split("\n");
        out.append(lines[0]).append('\n');
        for (int i = 0; i < overview.units().size(); i++) {
            out.append(lines[i + 1]).append('\n');
            PendingExplanation pending = overview.units().get(i).explanation();
            if (pending.lastAttempt() != null) {
                out.append("    ").append(InputText.escape(pending.lastAttempt().message(), MAX_TEXT)).append('\n');
            }
            for (String holdUp : pending.holdUps()) {
                out.append("    held up: ").append(InputText.escape(holdUp, MAX_TEXT)).append('\n');
            }
        }
        if (overview.unitsTotal() > overview.units().size()) {
            out.append("(the first ").append(overview.units().size()).append(" of ").append(overview.unitsTotal())
                    .append(" pending)\n");
        }
        return out.toString();
    }

    /** A gang's name without its namespace, or the lone pod's name. */
    private static String name(UnitExplanation unit) {
        GangProgress gang = unit.explanation().gang();
        if (gang == null) {
            return unit.pods().get(0);
        }
        String prefix = unit.namespace() + "/";
        return gang.gang().startsWith(prefix) ? gang.gang().substring(prefix.length()) : gang.gang();
    }

    private static String progress(GangProgress gang) {
        if (gang == null) {
            return "lone pod";
        }
        return gang.created() + " created, " + (gang.placeableLastAttempt() < 0 ? "not tried"
                : gang.placeableLastAttempt() + " placeable") + ", " + gang.placed() + " placed, needs "
                + gang.minimum();
    }
}
