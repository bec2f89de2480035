package dev.stook.k8s.watch;

/**
 * A Service, ReplicationController, ReplicaSet or StatefulSet: the objects whose selectors kube-scheduler's
 * default spread constraints count a pod's peers by.
 *
 * @param kind the object's kind, as {@code ReplicaSet}
 */
public record WorkloadKey(String kind, String namespace, String name) {
    public static final String SERVICE = "Service";
    public static final String REPLICATION_CONTROLLER = "ReplicationController";
    public static final String REPLICA_SET = "ReplicaSet";
    public static final String STATEFUL_SET = "StatefulSet";

    /** The object's name within its namespace, kind included, as the core names a pod's controller. */
    public String object() {
        return kind + "/" + name;
    }
}
