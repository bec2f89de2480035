package dev.stook.fuzz;

import dev.stook.core.gang.GangAnnotations;
import dev.stook.core.locality.ChunkListParser;
import dev.stook.core.model.Durations;
import dev.stook.core.model.NodeSelectorRequirement;
import dev.stook.core.model.Resources;
import dev.stook.core.model.Taint;
import dev.stook.core.model.TaintEffect;
import dev.stook.core.model.Toleration;
import dev.stook.core.queue.QueueConfigParser;
import dev.stook.core.queue.QueueConfigException;
import dev.stook.sim.ScenarioException;
import dev.stook.sim.ScenarioLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Malformed input, generated from a seed, through the core's real parsers: only the documented
 * invalid-input exception may come out, with a short message naming what is wrong.
 */
class CoreBadInputFuzzTest {
    private static InputBoundary namingAny(String... fields) {
        Predicate<String> names = line -> List.of(fields).stream().anyMatch(line::contains);
        return new InputBoundary(IllegalArgumentException.class, names, "one of " + List.of(fields));
    }

    @Test
    void quantities() {
        InputBoundary boundary = namingAny("cpu: ", "memory: ", "nvidia.com/gpu: ");
        FuzzSeeds.of("quantity", 2_000).forEach(seed -> {
            MalformedText text = new MalformedText(seed, Corpus.QUANTITIES);
            String resource = text.pick(List.of("cpu", "memory", "nvidia.com/gpu"));
            String quantity = text.next();
            boundary.check(new FuzzCase("quantity", seed, quantity), () -> Resources.parse(Map.of(resource, quantity)));
        });
    }

    @Test
    void chunkLists() {
        InputBoundary boundary = namingAny("chunk list");
        FuzzSeeds.of("chunk list", 2_000).forEach(seed -> {
            String list = new MalformedText(seed, Corpus.CHUNK_LISTS).next();
            boundary.check(new FuzzCase("chunk list", seed, list), () -> ChunkListParser.parse(list));
        });
    }

    @Test
    void gangAnnotations() {
        InputBoundary boundary = namingAny(GangAnnotations.GANG, GangAnnotations.POD_GROUP_LABEL,
                GangAnnotations.VOLCANO_GROUP, "controller");
        FuzzSeeds.of("gang annotations", 1_500).forEach(seed -> {
            MalformedText text = new MalformedText(seed, Corpus.GANG_VALUES);
            Map<String, String> labels = new HashMap<>();
            Map<String, String> annotations = new HashMap<>();
            for (String key : Corpus.GANG_KEYS) {
                if (text.chance(2)) {
                    (text.chance(3) ? labels : annotations).put(key, text.next());
                }
            }
            String controller = text.chance(2) ? null : "Job/" + text.next();
            boundary.check(new FuzzCase("gang annotations", seed, annotations + " labels " + labels),
                    () -> GangAnnotations.parse("ns", labels, annotations, controller));
        });
    }

    @Test
    void durations() {
        InputBoundary boundary = namingAny("duration");
        FuzzSeeds.of("duration", 500).forEach(seed -> {
            String duration = new MalformedText(seed, Corpus.DURATIONS).next();
            boundary.check(new FuzzCase("duration", seed, duration), () -> Durations.parseMillis(duration));
        });
    }

    @Test
    void nodeSelectorRequirements() {
        InputBoundary boundary = namingAny("node selector");
        FuzzSeeds.of("node selector requirement", 1_000).forEach(seed -> {
            MalformedText text = new MalformedText(seed, Corpus.AFFINITY_WORDS);
            String key = text.chance(10) ? null : text.next();
            String operator = text.chance(2) ? text.pick(Corpus.AFFINITY_OPERATORS) : text.next();
            List<String> values = text.chance(10) ? null : new ArrayList<>();
            for (int i = text.nextInt(4); values != null && i > 0; i--) {
                values.add(text.chance(10) ? null : text.next());
            }
            boundary.check(new FuzzCase("node selector requirement", seed, key + " " + operator + " " + values),
                    () -> new NodeSelectorRequirement(key, NodeSelectorRequirement.parseOperator(operator), values));
        });
    }

    @Test
    void tolerationsAndTaints() {
        InputBoundary boundary = namingAny("toleration", "taint");
        FuzzSeeds.of("toleration or taint", 1_000).forEach(seed -> {
            MalformedText text = new MalformedText(seed, Corpus.TAINT_WORDS);
            String key = text.chance(10) ? null : text.next();
            String value = text.chance(3) ? null : text.next();
            String operator = text.chance(2) ? text.pick(List.of("Equal", "Exists", "")) : text.next();
            String effect = text.chance(2) ? text.pick(List.of("NoSchedule", "PreferNoSchedule", "NoExecute")) : text.next();
            FuzzCase fuzzCase = new FuzzCase("toleration or taint", seed, key + " " + operator + " " + value + " " + effect);
            boundary.check(fuzzCase, () -> new Toleration(key, Toleration.parseOperator(operator), value,
                    effect.isEmpty() ? null : TaintEffect.parse(effect)));
            boundary.check(fuzzCase, () -> new Taint(key, value, TaintEffect.parse(effect)));
        });
    }

    @Test
    void queueConfigs() {
        InputBoundary boundary = new InputBoundary(QueueConfigException.class,
                line -> line.matches("line [0-9]+: .*") || line.startsWith("the config "),
                "the line (\"line N: \") or \"the config\"");
        FuzzSeeds.of("queue config", 1_500).forEach(seed -> {
            String yaml = new MalformedText(seed, Corpus.QUEUE_CONFIGS).next();
            boundary.check(new FuzzCase("queue config", seed, yaml), () -> QueueConfigParser.parse(yaml));
        });
    }

    @Test
    void scenarios() throws IOException {
        String defaultScenario;
        try (InputStream in = ScenarioLoader.class.getResourceAsStream(ScenarioLoader.DEFAULT_RESOURCE)) {
            defaultScenario = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^#.*\n", "");
        }
        InputBoundary boundary = new InputBoundary(ScenarioException.class,
                line -> line.startsWith("scenario.yaml: "), "the file");
        FuzzSeeds.of("scenario", 400).forEach(seed -> {
            String yaml = new MalformedText(seed, List.of(defaultScenario)).next();
            boundary.check(new FuzzCase("scenario", seed, yaml), () -> ScenarioLoader.parse(yaml, "scenario.yaml"));
        });
    }
}
