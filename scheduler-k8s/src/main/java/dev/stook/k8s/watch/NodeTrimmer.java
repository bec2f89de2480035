package dev.stook.k8s.watch;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeStatus;

/**
 * What the node informer keeps of a node: its labels, annotations, taints, allocatable and conditions,
 * without managed fields, the last-applied copy and the status parts nothing reads (the list of images,
 * often the largest part of a real node, volumes and addresses).
 */
final class NodeTrimmer {
    private NodeTrimmer() {
    }

    /** Trims the node in place and returns it. */
    static Node trim(Node node) {
        MetadataTrimmer.trim(node.getMetadata());
        NodeStatus status = node.getStatus();
        if (status != null) {
            status.setImages(null);
            status.setVolumesAttached(null);
            status.setVolumesInUse(null);
            status.setAddresses(null);
            status.setDaemonEndpoints(null);
            status.setConfig(null);
        }
        return node;
    }
}
