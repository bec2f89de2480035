package dev.stook.fuzz;

import dev.stook.core.gang.GangAnnotations;
import dev.stook.core.locality.ChunkListParser;
import dev.stook.core.queue.QueueConfigException;
import dev.stook.core.queue.QueueConfigParser;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What one object may cost: oversized input is refused by its length or item count before it is parsed,
 * so refusing it allocates a small fraction of what reading it would.
 */
class InputCostLimitsTest {
    private static final int MEBIBYTE = 1 << 20;
    /** Far below the input sizes here: parsing any of them would allocate many times this. */
    private static final long SMALL_ALLOCATION = 256 * 1024;

    @Test
    void aMillionChunkIdsAreRefusedWithoutBeingParsed() {
        String millionChunks = IntStream.range(0, 1_000_000).mapToObj(i -> "ds:" + 2 * i).collect(Collectors.joining(","));

        assertThatThrownBy(() -> ChunkListParser.parse(millionChunks))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chunk list is " + millionChunks.length() + " characters long")
                .hasMessageContaining("use ranges");
        assertThat(Allocations.during(() -> ChunkListParser.parse(millionChunks))).isLessThan(SMALL_ALLOCATION);
    }

    @Test
    void chunkListsJustUnderTheLengthLimitAreRefusedByItemCountBeforeParsing() {
        String manyItems = "d:1,".repeat(ChunkListParser.MAX_LENGTH / 4 - 1) + "d:1";

        assertThatThrownBy(() -> ChunkListParser.parse(manyItems)).hasMessageContaining("items; at most 4096");
        assertThat(Allocations.during(() -> ChunkListParser.parse(manyItems))).isLessThan(SMALL_ALLOCATION);
    }

    @Test
    void aMebibyteGangAnnotationIsRefusedWithoutBeingEchoedOrCopied() {
        String huge = "7".repeat(MEBIBYTE);
        for (String key : new String[] {GangAnnotations.GANG, GangAnnotations.MIN_MEMBERS, GangAnnotations.TIMEOUT,
                GangAnnotations.TOPOLOGY}) {
            Map<String, String> annotations = key.equals(GangAnnotations.GANG)
                    ? Map.of(key, huge) : Map.of(GangAnnotations.GANG, "g", key, huge);

            assertThatThrownBy(() -> GangAnnotations.parse("ns", Map.of(), annotations, null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(key.equals(GangAnnotations.GANG) ? "gang name" : key)
                    .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(InputBoundary.MAX_LINE));
            assertThat(Allocations.during(() -> GangAnnotations.parse("ns", Map.of(), annotations, null)))
                    .as(key).isLessThan(SMALL_ALLOCATION);
        }
    }

    @Test
    void aQueueConfigOfMegabytesIsRefusedBeforeItIsRead() {
        String megabytes = "queues:\n" + "  - name: q\n".repeat(3 * MEBIBYTE / 12);

        assertThatThrownBy(() -> QueueConfigParser.parse(megabytes))
                .isInstanceOf(QueueConfigException.class).hasMessage("the config is larger than 1048576 bytes");
        assertThat(Allocations.during(() -> QueueConfigParser.parse(megabytes))).isLessThan(SMALL_ALLOCATION);
    }

    @Test
    void deeplyNestedYamlIsRefusedWithoutExhaustingTheStack() {
        String nested = "queues:\n  - name: a\n    guaranteed: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";

        assertThatThrownBy(() -> QueueConfigParser.parse(nested))
                .isInstanceOf(QueueConfigException.class)
                .hasMessage("the config is not valid YAML: Nesting Depth exceeded max 60");
    }

    @Test
    void aBillionLaughsIsRefusedBeforeItExpands() {
        StringBuilder laughs = new StringBuilder("a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
        for (int level = 1; level < 10; level++) {
            String previous = "*a" + (level - 1);
            laughs.append("a").append(level).append(": &a").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, previous))).append("]\n");
        }
        String billion = "queues:\n  - name: a\n    guaranteed: {cpu: \"1\"}\n" + laughs;

        assertThatThrownBy(() -> QueueConfigParser.parse(billion))
                .isInstanceOf(QueueConfigException.class)
                .hasMessageContaining("aliases");
        assertThat(Allocations.during(() -> QueueConfigParser.parse(billion))).isLessThan(4 * 1024 * 1024);
    }
}
