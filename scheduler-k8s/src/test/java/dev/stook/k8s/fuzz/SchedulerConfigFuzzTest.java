package dev.stook.k8s.fuzz;

import dev.stook.fuzz.FuzzCase;
import dev.stook.fuzz.FuzzSeeds;
import dev.stook.fuzz.InputBoundary;
import dev.stook.fuzz.MalformedText;
import dev.stook.k8s.config.ConfigException;
import dev.stook.k8s.config.SchedulerConfigLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Malformed scheduler config files through the real loader: only a {@link ConfigException} naming the file comes out. */
class SchedulerConfigFuzzTest {
    @Test
    void schedulerConfigs() throws IOException {
        String shipped = Files.readString(Path.of("../config/scheduler.yaml"));
        List<String> corpus = List.of(shipped, "schedulerName: stook\nscoreWeights: {Locality: 10}\nhealthPort: 10259\n");
        InputBoundary boundary = new InputBoundary(ConfigException.class, line -> line.startsWith("scheduler.yaml"),
                "the file");
        FuzzSeeds.of("scheduler config", 1_000).forEach(seed -> {
            String yaml = new MalformedText(seed, corpus).next();
            boundary.check(new FuzzCase("scheduler config", seed, yaml), () -> SchedulerConfigLoader.parse(yaml, "scheduler.yaml"));
        });
    }
}
