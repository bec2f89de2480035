package dev.stook.sim;

import dev.stook.core.gang.GangTopology;
import dev.stook.core.locality.DataReads;
import dev.stook.core.locality.ChunkListParser;
import dev.stook.core.locality.ChunkSet;
import dev.stook.core.model.InputText;
import dev.stook.core.model.PlacementConstraints;
import dev.stook.core.model.Quantity;
import dev.stook.core.model.Resources;
import dev.stook.core.model.Taint;
import dev.stook.core.model.TaintEffect;
import dev.stook.core.model.Toleration;
import dev.stook.core.plugins.PluginProfile;
import dev.stook.core.queue.QueueConfig;
import dev.stook.core.queue.NamespaceLabels;
import dev.stook.core.queue.QueueResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a scenario file (format documented at the top of {@code config/scenarios/default.yaml}) with
 * SnakeYAML's safe constructor and validates it strictly: unknown keys, missing keys and bad values are
 * {@link ScenarioException}s naming the key path.
 */
public final class ScenarioLoader {
    /** Classpath location of the default scenario, copied from {@code config/scenarios/default.yaml} at build time. */
    public static final String DEFAULT_RESOURCE = "/scenarios/default.yaml";
    public static final long DEFAULT_SEED = 1;
    public static final long DEFAULT_CYCLE_INTERVAL_MILLIS = 100;
    public static final long DEFAULT_MAX_VIRTUAL_TIME_MILLIS = 24 * 3_600_000L;
    /** Kubernetes' default {@code terminationGracePeriodSeconds}: an evicted pod is gone this long after. */
    public static final long DEFAULT_EVICTION_GRACE_MILLIS = 30_000;

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,40}[a-z0-9])?");
    private static final Pattern CHUNKS =
            Pattern.compile("[^,:\\s]+:[0-9]+(-[0-9]+)?(,[^,:\\s]+:[0-9]+(-[0-9]+)?)*");
    private static final long MAX_NODES = 100_000;
    private static final long MAX_PODS = 2_000_000;

    private ScenarioLoader() {}

    public static Scenario load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ScenarioException("scenario file " + file + " does not exist");
        } catch (IOException e) {
            throw new ScenarioException("cannot read scenario file " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    public static Scenario loadDefault() {
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("default scenario " + DEFAULT_RESOURCE + " missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "embedded default scenario");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses scenario text; {@code source} names it in error messages. */
    public static Scenario parse(String text, String source) {
        try {
            return read(YamlObject.of(loadYaml(text, source), ""), text);
        } catch (ScenarioException e) {
            throw new ScenarioException(source + ": " + e.getMessage());
        }
    }

    private static Object loadYaml(String text, String source) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        try {
            Object document = new Yaml(new SafeConstructor(options)).load(text);
            if (document == null) {
                throw new ScenarioException("", "the scenario is empty");
            }
            return document;
        } catch (MarkedYAMLException e) {
            String line = e.getProblemMark() == null ? "" : "line " + (e.getProblemMark().getLine() + 1) + ": ";
            throw new ScenarioException("", line + "not valid YAML: " + InputText.escape(String.valueOf(e.getProblem()), 200));
        } catch (YAMLException e) {
            throw new ScenarioException("", "not valid YAML: " + InputText.escape(String.valueOf(e.getMessage()), 200));
        }
    }

    private static Scenario read(YamlObject root, String text) {
        String name = root.string("name");
        long seed = root.integerOr("seed", DEFAULT_SEED, Long.MIN_VALUE, Long.MAX_VALUE);
        long cycleInterval = root.durationMillis("cycleInterval", DEFAULT_CYCLE_INTERVAL_MILLIS);
        if (cycleInterval <= 0) {
            throw new ScenarioException(root.pathOf("cycleInterval"), "must be longer than 0ms");
        }
        long maxVirtualTime = root.durationMillis("maxVirtualTime", DEFAULT_MAX_VIRTUAL_TIME_MILLIS);
        if (maxVirtualTime <= 0) {
            throw new ScenarioException(root.pathOf("maxVirtualTime"), "must be longer than 0ms");
        }
        long evictionGrace = root.durationMillis("evictionGrace", DEFAULT_EVICTION_GRACE_MILLIS);
        Map<String, Integer> weights = scorerWeights(root);
        QueueConfig queues = root.has(ScenarioQueues.KEY) ? ScenarioQueues.parse(text) : QueueConfig.singleDefaultQueue();
        List<NodeGroup> groups = root.list("nodeGroups", ScenarioLoader::nodeGroup);
        List<Workload> workloads = root.list("workloads", ScenarioLoader::workload);
        root.rejectUnknownKeys();
        requireNonEmpty(groups, root.pathOf("nodeGroups"));
        requireNonEmpty(workloads, root.pathOf("workloads"));
        requireUniqueNames(groups.stream().map(NodeGroup::name).toList(), root.pathOf("nodeGroups"));
        requireUniqueNames(workloads.stream().map(Workload::name).toList(), root.pathOf("workloads"));
        requireQueuesResolve(workloads, queues, root.pathOf("workloads"));
        requireAtMost(groups.stream().mapToLong(NodeGroup::count).sum(), MAX_NODES, "nodes", root.pathOf("nodeGroups"));
        requireAtMost(workloads.stream().mapToLong(w -> (long) w.jobs() * w.podsPerJob()).sum(), MAX_PODS, "pods",
                root.pathOf("workloads"));
        return new Scenario(name, seed, cycleInterval, maxVirtualTime, weights, groups, workloads, queues,
                evictionGrace);
    }

    private static Map<String, Integer> scorerWeights(YamlObject root) {
        if (!root.has("scorerWeights")) {
            return Map.of();
        }
        YamlObject object = root.object("scorerWeights");
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (String scorer : object.keys()) {
            weights.put(scorer, (int) object.integer(scorer, 0, 1_000));
        }
        YamlObject.parse(object.path(), "", unused -> PluginProfile.standard(weights));
        return weights;
    }

    private static NodeGroup nodeGroup(Object raw, String path) {
        YamlObject group = YamlObject.of(raw, path);
        String name = name(group);
        int count = (int) group.integer("count", 1, MAX_NODES);
        Resources allocatable = resources(group, "allocatable");
        Map<String, String> labels = group.stringMap("labels");
        List<Taint> taints = group.list("taints", ScenarioLoader::taint);
        Optional<CachedData> cache = group.has("cache") ? Optional.of(cachedData(group.object("cache"))) : Optional.empty();
        List<TopologyLevel> topology = group.list("topology", ScenarioLoader::topologyLevel);
        Optional<LocalVolumes> localVolumes = group.has("localVolumes")
                ? Optional.of(localVolumes(group.object("localVolumes"))) : Optional.empty();
        group.rejectUnknownKeys();
        requireUniqueNames(topology.stream().map(TopologyLevel::key).toList(), group.pathOf("topology"));
        if (count % NodeGroup.tightestDomains(topology) != 0) {
            throw new ScenarioException(group.pathOf("count"), count + " nodes cannot be dealt evenly into the "
                    + NodeGroup.tightestDomains(topology) + " domains of the tightest topology level");
        }
        return new NodeGroup(name, count, allocatable, labels, taints, cache, topology, localVolumes);
    }

    private static LocalVolumes localVolumes(YamlObject volumes) {
        int perNode = (int) volumes.integer("perNode", 1, 64);
        long size = bytes(volumes, "size");
        String storageClass = label(volumes, "storageClass");
        int shards = (int) volumes.integer("shards", 1, MAX_NODES * 64L);
        volumes.rejectUnknownKeys();
        return new LocalVolumes(perNode, size, storageClass, shards);
    }

    private static ShardClaims shardClaims(YamlObject claim) {
        String storageClass = label(claim, "storageClass");
        long size = bytes(claim, "size");
        int shards = (int) claim.integer("shards", 1, MAX_NODES * 64L);
        claim.rejectUnknownKeys();
        return new ShardClaims(storageClass, size, shards);
    }

    private static long bytes(YamlObject parent, String key) {
        return YamlObject.parse(parent.pathOf(key), parent.string(key), Quantity::parseUnits);
    }

    private static TopologyLevel topologyLevel(Object raw, String path) {
        YamlObject level = YamlObject.of(raw, path);
        String key = level.string("key");
        int domains = (int) level.integer("domains", 1, MAX_NODES);
        level.rejectUnknownKeys();
        return new TopologyLevel(key, domains);
    }

    private static CachedData cachedData(YamlObject cache) {
        ChunkSet chunks = YamlObject.parse(cache.pathOf("chunks"), cache.string("chunks"), ChunkSet::parse);
        long shardChunks = cache.integer("shardChunks", 1, ChunkListParser.MAX_CHUNK);
        int replicas = (int) cache.integerOr("replicas", 1, 1, MAX_NODES);
        cache.rejectUnknownKeys();
        if (chunks.isEmpty()) {
            throw new ScenarioException(cache.pathOf("chunks"), "must name at least one chunk");
        }
        return new CachedData(chunks, shardChunks, replicas);
    }

    private static Taint taint(Object raw, String path) {
        YamlObject taint = YamlObject.of(raw, path);
        String key = taint.string("key");
        String value = taint.string("value", "");
        TaintEffect effect = YamlObject.parse(taint.pathOf("effect"), taint.string("effect"), TaintEffect::parse);
        taint.rejectUnknownKeys();
        return new Taint(key, value, effect);
    }

    private static Workload workload(Object raw, String path) {
        YamlObject w = YamlObject.of(raw, path);
        String name = name(w);
        int jobs = (int) w.integer("jobs", 1, MAX_PODS);
        Arrival arrival = arrival(w.object("arrival"));
        long start = w.durationMillis("start", 0);
        int podsPerJob = (int) w.integerOr("podsPerJob", 1, 1, MAX_PODS);
        Resources requests = resources(w, "requests");
        RunTime runTime = runTime(w);
        int priority = (int) w.integerOr("priority", 0, Integer.MIN_VALUE, Integer.MAX_VALUE);
        PlacementConstraints constraints = PlacementConstraints.NONE
                .withNodeSelector(w.stringMap("nodeSelector"))
                .withTolerations(w.list("tolerations", ScenarioLoader::toleration));
        Optional<String> queue = w.has("queue") ? Optional.of(w.string("queue")) : Optional.empty();
        Optional<Integer> gangMin = w.has("gangMinMembers")
                ? Optional.of((int) w.integer("gangMinMembers", 1, podsPerJob)) : Optional.empty();
        Optional<String> chunks = w.has("dataChunks") ? Optional.of(dataChunks(w)) : Optional.empty();
        boolean preemptible = w.bool("preemptible", true);
        GangTopology gangTopology = w.has("gangTopology")
                ? YamlObject.parse(w.pathOf("gangTopology"), w.string("gangTopology"), GangTopology::parse)
                : GangTopology.NONE;
        String namespace = w.has("namespace") ? label(w, "namespace") : WorkloadGenerator.DEFAULT_NAMESPACE;
        long shardChunks = w.has("shardChunks") ? w.integer("shardChunks", 1, ChunkListParser.MAX_CHUNK) : 0;
        List<PodRule> podRules = new ArrayList<>();
        podRules.addAll(w.list("affinity", (item, at) -> podRule(item, at, PodRule.Kind.AFFINITY)));
        podRules.addAll(w.list("antiAffinity", (item, at) -> podRule(item, at, PodRule.Kind.ANTI_AFFINITY)));
        podRules.addAll(w.list("spread", (item, at) -> podRule(item, at, PodRule.Kind.SPREAD)));
        Optional<ShardClaims> claims = w.has("localVolume") ? Optional.of(shardClaims(w.object("localVolume")))
                : Optional.empty();
        w.rejectUnknownKeys();
        if (!gangTopology.isNone() && gangMin.isEmpty()) {
            throw new ScenarioException(w.pathOf("gangTopology"), "needs gangMinMembers: only a gang keeps to a topology");
        }
        if (shardChunks > 0 && chunks.isEmpty()) {
            throw new ScenarioException(w.pathOf("shardChunks"), "needs dataChunks to cut shards from");
        }
        return new Workload(name, jobs, arrival, start, podsPerJob, requests, runTime, priority, constraints,
                queue, gangMin, chunks, preemptible, namespace, shardChunks, podRules, gangTopology, claims);
    }

    private static PodRule podRule(Object raw, String path, PodRule.Kind kind) {
        YamlObject rule = YamlObject.of(raw, path);
        String topologyKey = rule.string("topologyKey");
        boolean amongWorkload = switch (rule.string("among", "job")) {
            case "job" -> false;
            case "workload" -> true;
            default -> throw new ScenarioException(rule.pathOf("among"), "must be job or workload");
        };
        boolean required;
        int weightOrSkew;
        if (kind == PodRule.Kind.SPREAD) {
            weightOrSkew = (int) rule.integerOr("maxSkew", 1, 1, Integer.MAX_VALUE);
            required = switch (rule.string("whenUnsatisfiable", "DoNotSchedule")) {
                case "DoNotSchedule" -> true;
                case "ScheduleAnyway" -> false;
                default -> throw new ScenarioException(rule.pathOf("whenUnsatisfiable"),
                        "must be DoNotSchedule or ScheduleAnyway");
            };
        } else {
            required = rule.bool("required", true);
            weightOrSkew = required ? 0 : (int) rule.integer("weight", 1, 100);
        }
        rule.rejectUnknownKeys();
        return new PodRule(kind, topologyKey, required, weightOrSkew, amongWorkload);
    }

    private static Arrival arrival(YamlObject arrival) {
        boolean every = arrival.has("every");
        boolean mean = arrival.has("meanInterval");
        if (every == mean) {
            arrival.rejectUnknownKeys();
            throw new ScenarioException(arrival.path(), "give exactly one of every (fixed gaps) or meanInterval"
                    + " (exponential gaps)");
        }
        Arrival result = every
                ? new Arrival.Every(arrival.durationMillis("every"))
                : new Arrival.Exponential(arrival.durationMillis("meanInterval"));
        arrival.rejectUnknownKeys();
        return result;
    }

    private static RunTime runTime(YamlObject workload) {
        if (!(workload.raw("duration") instanceof Map)) {
            return new RunTime.Fixed(workload.durationMillis("duration"));
        }
        YamlObject range = workload.object("duration");
        long min = range.durationMillis("min");
        long max = range.durationMillis("max");
        range.rejectUnknownKeys();
        if (min > max) {
            throw new ScenarioException(range.pathOf("min"), "must not be longer than max");
        }
        return new RunTime.Uniform(min, max);
    }

    private static Toleration toleration(Object raw, String path) {
        YamlObject t = YamlObject.of(raw, path);
        String key = t.string("key", "");
        Toleration.Operator operator =
                YamlObject.parse(t.pathOf("operator"), t.string("operator", ""), Toleration::parseOperator);
        String value = t.string("value", "");
        TaintEffect effect = t.has("effect")
                ? YamlObject.parse(t.pathOf("effect"), t.string("effect"), TaintEffect::parse) : null;
        t.rejectUnknownKeys();
        return YamlObject.parse(path, key, k -> new Toleration(k, operator, value, effect));
    }

    private static String dataChunks(YamlObject workload) {
        String chunks = workload.string("dataChunks");
        if (!CHUNKS.matcher(chunks).matches()) {
            throw new ScenarioException(workload.pathOf("dataChunks"), "expected chunk ranges like"
                    + " dataset:0-15,dataset:40,other:3, found \"" + chunks + "\"");
        }
        YamlObject.parse(workload.pathOf("dataChunks"), chunks, ChunkSet::parse);
        return chunks;
    }

    private static Resources resources(YamlObject parent, String key) {
        Map<String, String> quantities = parent.stringMap(key);
        if (quantities.isEmpty()) {
            throw new ScenarioException(parent.pathOf(key), "is required and must name at least one resource");
        }
        // A scenario is the operator's own input, its nodes' and its pods' alike.
        Resources.Builder builder = Resources.registeringBuilder();
        quantities.forEach((resource, quantity) -> YamlObject.parse(parent.pathOf(key) + "." + resource, quantity,
                q -> {
                    Quantity.parse(q); // validated first so the message is not prefixed twice with the resource name
                    return builder.set(resource, q);
                }));
        return builder.build();
    }

    private static String name(YamlObject object) {
        return label(object, "name");
    }

    private static String label(YamlObject object, String key) {
        String label = object.string(key);
        if (!NAME.matcher(label).matches()) {
            throw new ScenarioException(object.pathOf(key), "\"" + label + "\" must be lower-case letters, digits"
                    + " and '-', at most 42 characters, starting and ending with a letter or digit");
        }
        return label;
    }

    private static void requireNonEmpty(List<?> list, String path) {
        if (list.isEmpty()) {
            throw new ScenarioException(path, "is required and must not be empty");
        }
    }

    private static void requireUniqueNames(List<String> names, String path) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (!seen.add(names.get(i))) {
                throw new ScenarioException(path + "[" + i + "].name", "\"" + names.get(i) + "\" is used twice");
            }
        }
    }

    /** Every workload's pods must land in a leaf queue, or none of them would ever be scheduled. */
    private static void requireQueuesResolve(List<Workload> workloads, QueueConfig queues, String path) {
        QueueResolver resolver = new QueueResolver(queues, NamespaceLabels.NONE);
        for (int i = 0; i < workloads.size(); i++) {
            Workload workload = workloads.get(i);
            QueueResolver.Resolution resolution =
                    resolver.resolve(WorkloadGenerator.pod(workload, workload.name(), workload.name(), 0, DataReads.NONE));
            if (!resolution.resolved()) {
                throw new ScenarioException(path + "[" + i + "]", resolution.problem());
            }
        }
    }

    private static void requireAtMost(long total, long max, String what, String path) {
        if (total > max) {
            throw new ScenarioException(path, total + " " + what + " in all; at most " + max + " are supported");
        }
    }
}
