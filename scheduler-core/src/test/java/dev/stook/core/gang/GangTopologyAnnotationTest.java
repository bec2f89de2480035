package dev.stook.core.gang;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static dev.stook.core.gang.GangAnnotations.GANG;
import static dev.stook.core.gang.GangAnnotations.TOPOLOGY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GangTopologyAnnotationTest {

    private static GangMembership parse(String topology) {
        return GangAnnotations.parse("ml", Map.of(), Map.of(GANG, "train", TOPOLOGY, topology), null);
    }

    @Test
    void levelsAreReadTightestFirstEachRequiredOrPreferred() {
        GangTopology topology = parse("preferred:example.com/rack, preferred: example.com/block,"
                + "required:topology.kubernetes.io/zone").topology();

        assertThat(topology.levels()).containsExactly(new GangTopology.Level("example.com/rack", false),
                new GangTopology.Level("example.com/block", false),
                new GangTopology.Level("topology.kubernetes.io/zone", true));
        assertThat(topology).hasToString(
                "preferred:example.com/rack,preferred:example.com/block,required:topology.kubernetes.io/zone");
    }

    @Test
    void aGangWithoutTheAnnotationKeepsToNoTopology() {
        assertThat(GangAnnotations.parse("ml", Map.of(), Map.of(GANG, "train"), null).topology())
                .isEqualTo(GangTopology.NONE);
    }

    @Test
    void theAnnotationWithoutAGangIsRefused() {
        assertThatThrownBy(() -> GangAnnotations.parse("ml", Map.of(), Map.of(TOPOLOGY, "required:rack"), null))
                .hasMessage("stook.dev/gang-topology is set but the pod names no gang (stook.dev/gang)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                 | stook.dev/gang-topology: \"\" must be required:<node label key> or preferred:<node label key>",
            "rack               | stook.dev/gang-topology: \"rack\" must be required:<node label key> or preferred:",
            "Required:rack      | stook.dev/gang-topology: \"Required:rack\" must be required:",
            "required:          | stook.dev/gang-topology: \"\" is not a node label key",
            "required:a/b/c     | stook.dev/gang-topology: \"a/b/c\" is not a node label key",
            "preferred:-rack    | stook.dev/gang-topology: \"-rack\" is not a node label key",
            "'required:rack,'   | stook.dev/gang-topology: \"\" must be required:",
            "'required:rack,preferred:zone' | stook.dev/gang-topology: \"preferred:zone\" comes after required:rack,"
                    + " which already keeps the gang in one domain; list levels tightest first and end at the required one",
            "'preferred:rack,required:rack' | stook.dev/gang-topology names \"rack\" twice",
            "'preferred:a,preferred:b,preferred:c,preferred:d,preferred:e,preferred:f,preferred:g,preferred:h,"
                    + "preferred:i' | stook.dev/gang-topology names 9 levels; at most 8 are allowed",
    })
    void malformedValuesAreRefusedSayingWhatIsWrong(String value, String message) {
        assertThatThrownBy(() -> parse(value)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
    }

    @Test
    void anOversizedValueIsRefusedBeforeItIsSplit() {
        assertThatThrownBy(() -> parse("preferred:" + "r".repeat(5_000)))
                .hasMessage("stook.dev/gang-topology is longer than 2048 characters");
    }

    @Test
    void membersWithTheSameValueAgree() {
        assertThat(List.of(parse("required:rack").topology(), parse(" required:rack ").topology()))
                .containsOnly(parse("required:rack").topology());
    }
}
