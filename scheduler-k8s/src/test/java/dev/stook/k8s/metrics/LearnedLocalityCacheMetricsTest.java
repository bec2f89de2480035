package dev.stook.k8s.metrics;

import dev.stook.core.locality.ChunkIndex;
import dev.stook.core.locality.ChunkListParser;
import dev.stook.k8s.version.BuildInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LearnedLocalityCacheMetricsTest {
    private final StookMetrics metrics = new StookMetrics(BuildInfo.current());

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void theLearnedLocationsCacheIsMeasured() {
        ChunkIndex index = new ChunkIndex();
        metrics.learnedLocality(index.learnedCache());

        index.learn("n1", ChunkListParser.parse("imagenet:0-99"));
        index.learn("n2", ChunkListParser.parse("imagenet:100-199"));

        String scrape = metrics.scrape();
        assertThat(Scrape.value(scrape, "cache_size{cache=\"learned_locality\"}")).isEqualTo(2.0);
        assertThat(Scrape.value(scrape, "cache_evictions_total{cache=\"learned_locality\"}"))
                .as("statistics are recorded, not only the size").isZero();
    }
}
