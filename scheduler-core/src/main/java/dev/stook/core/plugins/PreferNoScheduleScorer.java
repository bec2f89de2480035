package dev.stook.core.plugins;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.model.Pod;
import dev.stook.core.model.Taint;
import dev.stook.core.model.TaintEffect;
import dev.stook.core.model.Toleration;

/** PreferNoSchedule taints never reject a node; each one the pod does not tolerate halves its score. */
public final class PreferNoScheduleScorer implements Scorer {
    @Override
    public String name() {
        return "PreferNoSchedule";
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
