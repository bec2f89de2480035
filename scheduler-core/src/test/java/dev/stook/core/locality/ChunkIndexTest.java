package dev.stook.core.locality;

import com.github.benmanes.caffeine.cache.Ticker;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ChunkIndexTest {
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final ChunkIndex index = new ChunkIndex(new ChunkIndexSettings(60_000, 100), ticker);

    @Test
    void aReportReplacesTheNodesPreviousReport() {
        index.report("n1", ChunkSet.parse("d:0-9"));
        assertThat(index.drainChanged()).containsExactly("n1");
        index.report("n1", ChunkSet.parse("d:20-29"));

        assertThat(index.drainChanged()).containsExactly("n1");
        assertThat(index.chunksOn("n1")).hasToString("d:20-29");
    }

    @Test
    void anUnchangedReportChangesNothing() {
        index.report("n1", ChunkSet.parse("d:0-9"));
        index.drainChanged();
        index.report("n1", ChunkSet.parse("d:0-9"));

        assertThat(index.drainChanged()).isEmpty();
    }

    @Test
    void learnedLocationsAddToReportsAndExpireAfterTheirTtl() {
        index.report("n1", ChunkSet.parse("d:0-9"));
        index.learn("n1", ChunkSet.parse("d:10-19"));
        index.drainChanged();
        assertThat(index.chunksOn("n1")).hasToString("d:0-19");

        nanos.addAndGet(TimeUnit.SECONDS.toNanos(59));
        assertThat(index.drainChanged()).isEmpty();
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(2));

        assertThat(index.drainChanged()).containsExactly("n1");
        assertThat(index.chunksOn("n1")).hasToString("d:0-9");
        assertThat(index.learnedLocations()).isZero();
    }

    @Test
    void learningAgainRestartsTheTtl() {
        index.learn("n1", ChunkSet.parse("d:10-19"));
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(50));
        index.learn("n1", ChunkSet.parse("d:10-19"));
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(50));
        index.drainChanged();

        assertThat(index.chunksOn("n1")).hasToString("d:10-19");
    }

    @Test
    void learnedLocationsAreBoundedByTheirRanges() {
        for (int i = 0; i < 300; i++) {
            index.learn("n" + (i % 3), ChunkSet.parse("d:" + (2 * i)));
        }
        index.drainChanged();

        assertThat(index.learnedLocations()).isLessThanOrEqualTo(100);
        long held = index.chunksOn("n0").count() + index.chunksOn("n1").count() + index.chunksOn("n2").count();
        assertThat(held).isEqualTo(index.learnedLocations());
    }

    @Test
    void aRemovedNodeDropsOutWithWhatWasLearnedThere() {
        index.report("n1", ChunkSet.parse("d:0-9"));
        index.learn("n1", ChunkSet.parse("d:10-19"));
        index.learn("n2", ChunkSet.parse("d:10-19"));
        index.drainChanged();

        index.removeNode("n1");

        assertThat(index.chunksOn("n1")).isEqualTo(ChunkSet.EMPTY);
        assertThat(index.learnedLocations()).isEqualTo(1);
        assertThat(index.chunksOn("n2")).hasToString("d:10-19");
    }
}
