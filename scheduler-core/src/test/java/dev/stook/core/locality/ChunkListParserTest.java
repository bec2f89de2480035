package dev.stook.core.locality;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChunkListParserTest {
    @Test
    void readsRangesAndSingleChunksPerDataset() {
        ChunkSet set = ChunkSet.parse("imagenet:0-1023,logs:7");

        assertThat(set.count()).isEqualTo(1025);
        assertThat(set.rangeCount()).isEqualTo(2);
        assertThat(set).hasToString("imagenet:0-1023,logs:7");
    }

    @Test
    void mergesOverlappingTouchingAndRepeatedItems() {
        ChunkSet set = ChunkSet.parse(" d:10-20, d:0-9 ,d:15-30,d:40,d:40,e:3 ");

        assertThat(set).hasToString("d:0-30,d:40,e:3");
        assertThat(set.count()).isEqualTo(33);
        assertThat(set).isEqualTo(ChunkSet.parse("e:3,d:40,d:0-30"));
    }

    @Test
    void aHugeRangeCostsOneRange() {
        ChunkSet set = ChunkSet.parse("big:0-" + ChunkListParser.MAX_CHUNK);

        assertThat(set.rangeCount()).isEqualTo(1);
        assertThat(set.count()).isEqualTo(ChunkListParser.MAX_CHUNK + 1);
        assertThat(set.overlapCount(ChunkSet.parse("big:100-199,other:0-5"))).isEqualTo(100);
    }

    @Test
    void anEmptyListIsNoChunks() {
        assertThat(ChunkSet.parse("  ")).isSameAs(ChunkSet.EMPTY);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no dataset            | 12-14                 | expected dataset:N or dataset:A-B",
            "no range              | imagenet:             | expected dataset:N or dataset:A-B",
            "empty item            | a:1,,a:2              | expected dataset:N or dataset:A-B",
            "letters               | a:one                 | chunk numbers are whole numbers",
            "negative              | a:-1                  | chunk numbers are whole numbers",
            "backwards             | a:9-3                 | the range ends before it starts",
            "too big               | a:0-99999999999999999 | chunk numbers are whole numbers",
            "past the limit        | a:281474976710656     | chunk numbers are whole numbers",
            "bad dataset           | im ag:1               | a dataset name is",
            "open range            | a:3-                  | chunk numbers are whole numbers"})
    void refusesGarbageWithTheRuleItBroke(String why, String text, String message) {
        assertThatThrownBy(() -> ChunkSet.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void capsWhatOneAnnotationMayCost() {
        String tooMany = "d:1,".repeat(ChunkListParser.MAX_ITEMS) + "d:2";
        String tooLong = "d:" + "1".repeat(ChunkListParser.MAX_LENGTH);

        assertThatThrownBy(() -> ChunkSet.parse(tooMany)).hasMessageContaining("at most 4096 are read");
        assertThatThrownBy(() -> ChunkSet.parse(tooLong)).hasMessageContaining("at most 65536 are read");
    }

    @Test
    void overlapCountsSharedChunksOverRanges() {
        ChunkSet pod = ChunkSet.parse("d:0-99,e:10-19");
        ChunkSet node = ChunkSet.parse("d:50-59,d:90-120,e:0-4,f:0-1000");

        assertThat(pod.overlapCount(node)).isEqualTo(20);
        assertThat(node.overlapCount(pod)).isEqualTo(20);
        assertThat(pod.overlapCount(ChunkSet.EMPTY)).isZero();
    }

    @Test
    void slicesCutShardsInOrder() {
        ChunkSet dataset = ChunkSet.parse("a:0-9,b:100-109");

        assertThat(dataset.slice(5, 10)).hasToString("a:5-9,b:100-104");
        assertThat(dataset.slice(18, 10)).hasToString("b:108-109");
        assertThat(dataset.slice(30, 5)).isEqualTo(ChunkSet.EMPTY);
    }
}
