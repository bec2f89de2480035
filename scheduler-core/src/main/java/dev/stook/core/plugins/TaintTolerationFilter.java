package dev.stook.core.plugins;

import dev.stook.core.cluster.NodeSlot;
import dev.stook.core.model.Pod;
import dev.stook.core.model.Taint;
import dev.stook.core.model.Toleration;

/** Every NoSchedule and NoExecute taint of the node is tolerated by the pod. */
public final class TaintTolerationFilter implements Filter {
    static final String REASON = "untolerated taint";

    @Override
    public String name() {
        return "TaintToleration";
    }

    @Override
    public boolean readsUsage() {
        return false;
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
