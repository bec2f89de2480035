package dev.stook.k8s.explain;

import dev.stook.core.explain.GangProgress;
import dev.stook.core.explain.PendingExplanation;
import dev.stook.core.explain.PodExplanation;
import dev.stook.core.explain.QueueStanding;
import dev.stook.core.model.Durations;

import java.util.List;
import java.util.Locale;

/** Says an explanation in plain text for {@code stook explain}: one labelled line per fact. */
public final class ExplanationPrinter {
    private static final String INDENT = "  ";
    private static final int LABEL_WIDTH = 14;

    private ExplanationPrinter() {}

    public static String print(PodExplanation explanation) {
        StringBuilder out = new StringBuilder();
        switch (explanation.status()) {
            case BOUND -> out.append(explanation.pod()).append(": bound to node ").append(explanation.nodeName())
                    .append(" (queue ").append(explanation.queue()).append(")\n");
            case ASSUMED -> out.append(explanation.pod()).append(": placed on node ").append(explanation.nodeName())
                    .append(", binding in progress (queue ").append(explanation.queue()).append(")\n");
            case UNKNOWN -> out.append(explanation.pod()).append(": not known to Stook\n");
            case PENDING -> pending(out.append(explanation.pod()).append(": pending\n"), explanation.pending());
        }
        if (explanation.executorHolds() != null) {
            line(out, "spark", explanation.executorHolds());
        }
        return out.toString();
    }

    private static void pending(StringBuilder out, PendingExplanation pending) {
        line(out, "unit", pending.unit());
        if (pending.queue() == null) {
            line(out, "queue", "none: " + pending.queueProblem());
        } else {
            line(out, "queue", pending.queue().leaf() + " (" + pending.queue().policy().name().toLowerCase(Locale.ROOT)
                    + " policy), position " + pending.queue().position() + " of " + pending.queue().units());
        }
        if (pending.standing() != null) {
            standing(out, pending.standing());
        }
        if (pending.gang() != null) {
            line(out, "gang", gang(pending.gang()));
            line(out, "gang source", pending.gang().source());
        }
        line(out, "last attempt", pending.lastAttempt() == null ? "not tried yet"
                : pending.lastAttempt().reason() + ": " + pending.lastAttempt().message());
        line(out, "waiting", Durations.format(pending.waitingMillis() / 1000 * 1000));
        if (pending.holdUps().isEmpty()) {
            line(out, "next", "tried in the next cycle");
        } else {
            lines(out, "held up", pending.holdUps());
        }
    }

    private static void standing(StringBuilder out, QueueStanding standing) {
        line(out, "queue share", percent(standing.dominantShare()) + " of the cluster; fair share "
                + percent(standing.fairShare()) + ", guaranteed " + percent(standing.guaranteedShare()));
        String row = "%-" + (LABEL_WIDTH + INDENT.length()) + "s%-20s %-12s %-12s %-12s %s%n";
        out.append(String.format(Locale.ROOT, row, "", "resource", "allocated", "fair share", "guaranteed", "max"));
        for (QueueStanding.ResourceStanding resource : standing.resources()) {
            out.append(String.format(Locale.ROOT, row, "", resource.resource(), resource.allocated(),
                    resource.fairShare(), resource.guaranteed(), resource.max() == null ? "none" : resource.max()));
        }
    }

    private static String gang(GangProgress gang) {
        return gang.created() + " members created, " + gang.placed() + " placed, minimum " + gang.minimum()
                + (gang.placeableLastAttempt() < 0 ? "" : "; " + gang.placeableLastAttempt()
                        + " pending members found a place in the last attempt");
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(INDENT).append(String.format(Locale.ROOT, "%-" + LABEL_WIDTH + "s", label)).append(value)
                .append('\n');
    }

    private static void lines(StringBuilder out, String label, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            line(out, i == 0 ? label : "", values.get(i));
        }
    }
}
