package dev.stook.core.cycle;

import dev.stook.core.cluster.ScratchCluster;
import dev.stook.core.model.Pod;
import dev.stook.core.plugins.FilterPlugin;
import dev.stook.core.plugins.Input;
import dev.stook.core.plugins.PreparedFilter;

import java.util.Set;

/** Accepts every node, declaring the given inputs, and counts how often it is prepared and asked. */
final class CountingFilter implements FilterPlugin {
    private final Set<Input> reads;
    private final boolean takesPart;
    int prepared;
    int judged;

    /** @param takesPart false to answer {@link PreparedFilter#ACCEPTS_EVERY_NODE} from every preparation */
    CountingFilter(boolean takesPart, Input... reads) {
        this.reads = Set.of(reads);
        this.takesPart = takesPart;
    }

    @Override
    public String name() {
        return "Counting";
    }

    @Override
    public Set<Input> reads() {
        return reads;
    }

    @Override
    public PreparedFilter prepare(Pod pod, ScratchCluster cluster) {
        prepared++;
        if (!takesPart) {
            return PreparedFilter.ACCEPTS_EVERY_NODE;
        }
        return (candidate, node) -> {
            judged++;
            return null;
        };
    }
}
