package dev.stook.core.explain;

import java.util.List;

/** The first pending units that matched a selection, explained, and how many matched in all. */
public record ExplainedUnits(List<UnitExplanation> units, int matching) {
    public ExplainedUnits {
        units = List.copyOf(units);
    }
}
