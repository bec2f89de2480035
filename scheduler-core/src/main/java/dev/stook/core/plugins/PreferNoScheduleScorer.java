package dev.stook.core.plugins;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.model.Pod;
import dev.stook.core.model.Taint;
import dev.stook.core.model.TaintEffect;
import dev.stook.core.model.Toleration;

import java.util.Set;

/** PreferNoSchedule taints never reject a node; each one the pod does not tolerate halves its score. */
public final class PreferNoScheduleScorer implements Scorer {
    private static final Set<Input> READS = Set.of(Input.NODE_SPEC);
    @Override
    public String name() {
        return "PreferNoSchedule";
    }

    @Override
    public Set<Input> reads() {
        return READS;
    }

    @Override
    public int score(Pod pod, NodeSlot node) {
        int untolerated = 0;
        for (Taint taint : node.node().taints()) {
            if (taint.effect() == TaintEffect.PREFER_NO_SCHEDULE
                    && !Toleration.anyTolerates(pod.constraints().tolerations(), taint)) {
                untolerated++;
            }
        }
        return untolerated >= 31 ? 0 : MAX_SCORE >> untolerated;
    }
}
