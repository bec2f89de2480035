package dev.stook.core.plugins;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.model.Pod;
import dev.stook.core.model.Taint;
import dev.stook.core.model.Toleration;

import java.util.Set;

/** Every NoSchedule and NoExecute taint of the node is tolerated by the pod. */
public final class TaintTolerationFilter implements Filter {
    private static final Set<Input> READS = Set.of(Input.NODE_SPEC);
    static final String REASON = "untolerated taint";

    @Override
    public String name() {
        return "TaintToleration";
    }

    @Override
    public Set<Input> reads() {
        return READS;
    }

    @Override
    public String reject(Pod pod, NodeSlot node) {
        for (Taint taint : node.node().taints()) {
            if (taint.repels() && !Toleration.anyTolerates(pod.constraints().tolerations(), taint)) {
                return REASON;
            }
        }
        return null;
    }
}
