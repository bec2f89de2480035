package dev.stook.k8s.fuzz;

import dev.stook.core.model.Pod;
import dev.stook.fuzz.Allocations;
import dev.stook.k8s.translate.PodTranslator;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What one pod may cost Stook to read: oversized annotations are refused before they are parsed. */
class PodCostLimitsTest {
    private static final long SMALL_ALLOCATION = 256 * 1024;

    @Test
    void aPodReadingAMillionChunkIdsLosesItsLocalityWithoutTheChunksBeingParsed() {
        String millionChunks = IntStream.range(0, 1_000_000).mapToObj(i -> "ds:" + 2 * i).collect(Collectors.joining(","));
        var pod = MalformedPods.valid("reader").editMetadata()
                .withAnnotations(Map.of(PodTranslator.DATA_CHUNKS, millionChunks)).endMetadata().build();

        Pod translated = PodTranslator.translate(pod);

        assertThat(translated.dataReads().readsData()).isFalse();
        assertThat(translated.dataReads().problem()).contains(PodTranslator.DATA_CHUNKS, "characters long")
                .hasSizeLessThan(500);
        assertThat(Allocations.during(() -> PodTranslator.translate(pod))).isLessThan(SMALL_ALLOCATION);
    }

    @Test
    void aMebibyteQueuePathIsRefusedWithoutExhaustingTheStack() {
        var pod = MalformedPods.valid("queued").editMetadata()
                .withAnnotations(Map.of(PodTranslator.QUEUE, "a.".repeat(1 << 19) + "a")).endMetadata().build();

        assertThatThrownBy(() -> PodTranslator.translate(pod))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(PodTranslator.QUEUE + " \"a.a.a.")
                .hasMessageEndingWith("is not a queue path such as research.nlp");
        assertThat(Allocations.during(() -> PodTranslator.translate(pod))).isLessThan(SMALL_ALLOCATION);
    }
}
