package dev.stook.core.model;

import dev.stook.core.gang.GangMembership;
import dev.stook.core.locality.DataReads;
import dev.stook.core.spark.SparkRole;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pod waiting for, or holding, a place. {@code requests} is the pod's effective request (see
 * {@link PodRequests}); {@code createdAtMillis} orders pods of equal priority. Immutable.
 */
public final class Pod {
    private final PodId id;
    private final Resources requests;
    private final int priority;
    private final long createdAtMillis;
    private final PlacementConstraints constraints;
    private final SchedulingSignature signature;
    private final GangMembership gang;
    private final String queue;
    private final boolean preemptible;
    private final DataReads dataReads;
    private final List<String> schedulingGates;
    private final boolean preemptsOthers;
    private final Map<String, String> labels;
    private final String controller;
    private final List<String> claims;
    private final SparkRole spark;

    public Pod(PodId id, Resources requests, int priority, long createdAtMillis, PlacementConstraints constraints) {
        this(id, requests, priority, createdAtMillis, constraints, null, null, true, DataReads.NONE, List.of(), true,
                Map.of(), null, List.of(), null);
    }

    private Pod(PodId id, Resources requests, int priority, long createdAtMillis, PlacementConstraints constraints,
                GangMembership gang, String queue, boolean preemptible, DataReads dataReads,
                List<String> schedulingGates, boolean preemptsOthers, Map<String, String> labels, String controller,
                List<String> claims, SparkRole spark) {
        this.id = Objects.requireNonNull(id, "id");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.priority = priority;
        this.createdAtMillis = createdAtMillis;
        this.constraints = Objects.requireNonNull(constraints, "constraints");
        this.dataReads = Objects.requireNonNull(dataReads, "dataReads");
        this.claims = List.copyOf(claims);
        this.signature = new SchedulingSignature(requests, constraints, dataReads,
                this.claims.isEmpty() ? List.of() : this.claims.stream().map(c -> id.namespace() + "/" + c).toList());
        this.gang = gang;
        this.queue = queue;
        this.preemptible = preemptible;
        this.schedulingGates = List.copyOf(schedulingGates);
        this.preemptsOthers = preemptsOthers;
        this.labels = Map.copyOf(labels);
        this.controller = controller;
        this.spark = spark;
    }

    public static Pod of(String namespace, String name, Resources requests) {
        return new Pod(new PodId(namespace, name), requests, 0, 0, PlacementConstraints.NONE);
    }

    public PodId id() {
        return id;
    }

    public Resources requests() {
        return requests;
    }

    public int priority() {
        return priority;
    }

    public long createdAtMillis() {
        return createdAtMillis;
    }

    public PlacementConstraints constraints() {
        return constraints;
    }

    /** The pod's equivalence class key: computed once, hashed once. */
    public SchedulingSignature signature() {
        return signature;
    }

    /** The gang the pod belongs to, or null for a pod scheduled on its own. */
    public GangMembership gang() {
        return gang;
    }

    /** The leaf queue the pod names ({@code stook.dev/queue}), or null to let placement rules choose. */
    public String queue() {
        return queue;
    }

    /** False for pods that must never be evicted by Stook ({@code stook.dev/preemptible: "false"}). */
    public boolean preemptible() {
        return preemptible;
    }

    /** The cache chunks the pod reads, which the locality scorer weighs nodes by. */
    public DataReads dataReads() {
        return dataReads;
    }

    /** The gates the pod's creator has yet to remove; while any is left, the pod is not scheduled. */
    public List<String> schedulingGates() {
        return schedulingGates;
    }

    /** False when its {@code preemptionPolicy} is {@code Never}: it waits for room, and no pod is evicted for it. */
    public boolean preemptsOthers() {
        return preemptsOthers;
    }

    /** The pod's labels, which other pods' affinity terms and spread constraints select by. */
    public Map<String, String> labels() {
        return labels;
    }

    /**
     * The ReplicationController, ReplicaSet or StatefulSet controlling the pod, as {@code Kind/name}, or null:
     * its selector joins those of the Services selecting the pod in its default spread constraints.
     */
    public String controller() {
        return controller;
    }

    public Pod withController(String kindAndName) {
        return new Pod(id, requests, priority, createdAtMillis, constraints, gang, queue, preemptible, dataReads,
                schedulingGates, preemptsOthers, labels, kindAndName, claims, spark);
    }

    /** The PersistentVolumeClaims its volumes name, in the pod's namespace, each once. */
    public List<String> claims() {
        return claims;
    }

    public Pod withClaims(List<String> claimNames) {
        return new Pod(id, requests, priority, createdAtMillis, constraints, gang, queue, preemptible, dataReads,
                schedulingGates, preemptsOthers, labels, controller, claimNames, spark);
    }

    /** Who the pod counts against in a {@code fair} queue: its gang, or its namespace when alone. */
    public String owner() {
        return gang != null ? gang.id().toString() : id.namespace();
    }

    public Pod withConstraints(PlacementConstraints newConstraints) {
        return new Pod(id, requests, priority, createdAtMillis, newConstraints,
                gang, queue, preemptible, dataReads, schedulingGates, preemptsOthers, labels, controller, claims, spark);
    }

    public Pod withPriority(int newPriority) {
        return new Pod(id, requests, newPriority, createdAtMillis, constraints,
                gang, queue, preemptible, dataReads, schedulingGates, preemptsOthers, labels, controller, claims, spark);
    }

    public Pod createdAt(long millis) {
        return new Pod(id, requests, priority, millis, constraints,
                gang, queue, preemptible, dataReads, schedulingGates, preemptsOthers, labels, controller, claims, spark);
    }

    public Pod inGang(GangMembership membership) {
        return new Pod(id, requests, priority, createdAtMillis, constraints,
                membership, queue, preemptible, dataReads, schedulingGates, preemptsOthers, labels, controller, claims, spark);
    }

    public Pod inQueue(String queuePath) {
        return new Pod(id, requests, priority, createdAtMillis, constraints,
                gang, queuePath, preemptible, dataReads, schedulingGates, preemptsOthers, labels, controller, claims, spark);
    }

    public Pod withPreemptible(boolean canBeEvicted) {
        return new Pod(id, requests, priority, createdAtMillis, constraints,
                gang, queue, canBeEvicted, dataReads, schedulingGates, preemptsOthers, labels, controller, claims, spark);
    }

    public Pod withDataReads(DataReads reads) {
        return new Pod(id, requests, priority, createdAtMillis, constraints,
                gang, queue, preemptible, reads, schedulingGates, preemptsOthers, labels, controller, claims, spark);
    }

    public Pod withSchedulingGates(List<String> gates) {
        return new Pod(id, requests, priority, createdAtMillis, constraints,
                gang, queue, preemptible, dataReads, gates, preemptsOthers, labels, controller, claims, spark);
    }

    public Pod withPreemptsOthers(boolean mayEvictForIt) {
        return new Pod(id, requests, priority, createdAtMillis, constraints, gang, queue, preemptible, dataReads,
                schedulingGates, mayEvictForIt, labels, controller, claims, spark);
    }

    public Pod withLabels(Map<String, String> newLabels) {
        return new Pod(id, requests, priority, createdAtMillis, constraints, gang, queue, preemptible, dataReads,
                schedulingGates, preemptsOthers, newLabels, controller, claims, spark);
    }

    /** What the pod is to a Spark application whose driver has Stook hold its executors, or null. */
    public SparkRole spark() {
        return spark;
    }

    public Pod withSpark(SparkRole role) {
        return new Pod(id, requests, priority, createdAtMillis, constraints, gang, queue, preemptible, dataReads,
                schedulingGates, preemptsOthers, labels, controller, claims, role);
    }

    @Override
    public String toString() {
        return id + " " + requests;
    }
}
