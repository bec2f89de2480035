package dev.stook.fuzz;

import dev.stook.core.gang.GangAnnotations;

import java.util.List;

/** Valid inputs of each kind, the starting points of {@link MalformedText}'s mutations. */
public final class Corpus {
    public static final List<String> QUANTITIES = List.of("500m", "2", "1.5Gi", "129e6", "100Mi", "0.5", "1k",
            "64", "3E", "250n", "10Ti", ".5", "1e3");
    public static final List<String> CHUNK_LISTS = List.of("imagenet:0-1023,logs:7", "ds:0,ds:2,ds:4",
            "a.b/c_d-e:0-15,other:3", "dataset:0-15,dataset:40,other:3", "x:281474976710655");
    public static final List<String> DURATIONS = List.of("300s", "250ms", "5m", "1h", "0s");
    public static final List<String> GANG_KEYS = List.of(GangAnnotations.GANG, GangAnnotations.MIN_MEMBERS,
            GangAnnotations.TIMEOUT, GangAnnotations.TOPOLOGY, GangAnnotations.POD_GROUP_LABEL,
            GangAnnotations.VOLCANO_GROUP);
    public static final List<String> GANG_VALUES = List.of("train-42", "8", "300s", "5m", "1", "job/a", "16384",
            "required:example.com/rack", "preferred:example.com/rack,required:topology.kubernetes.io/zone");
    public static final List<String> AFFINITY_OPERATORS = List.of("In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt");
    public static final List<String> AFFINITY_WORDS = List.of("topology.kubernetes.io/zone", "eu-west-1a", "pool",
            "gpu", "42", "node.kubernetes.io/instance-type", "-7", "In");
    public static final List<String> TAINT_WORDS = List.of("gpu", "dedicated", "batch", "node.kubernetes.io/not-ready",
            "true", "");
    public static final List<String> QUEUE_CONFIGS = List.of("""
            queues:
              - name: research
                weight: 2
                guaranteed: {cpu: "100", memory: 400Gi}
                max: {cpu: "300"}
                policy: fair
                submitters: {namespaces: ["ml-*"]}
                children:
                  - name: nlp
                    guaranteed: {cpu: "60", memory: 240Gi}
                  - name: vision
              - name: prod
                weight: 3
                guaranteed: {cpu: "200", memory: 800Gi, nvidia.com/gpu: "8"}
              - name: default
            placement:
              - {namespace: "ml-*", queue: research.nlp}
              - {queue: default}
            """, """
            queues:
              - &base {name: a, weight: 1.5, guaranteed: &g {cpu: "1"}}
              - {name: b, guaranteed: *g, max: *g, policy: fifo}
            placement: [{queue: a}]
            """, """
            queues: [{name: only}]
            """);

    private Corpus() {}
}
