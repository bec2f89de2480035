package dev.stook.core.gang;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static dev.stook.core.gang.GangAnnotations.GANG;
import static dev.stook.core.gang.GangAnnotations.MIN_MEMBERS;
import static dev.stook.core.gang.GangAnnotations.POD_GROUP_LABEL;
import static dev.stook.core.gang.GangAnnotations.TIMEOUT;
import static dev.stook.core.gang.GangAnnotations.VOLCANO_GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GangAnnotationsTest {

    @Test
    void podsWithoutGangKeysAreAlone() {
        assertThat(GangAnnotations.parse("ml", Map.of(), Map.of("unrelated", "x"), "Job/train")).isNull();
    }

    @Test
    void stookKeysNameTheGangItsMinimumAndTimeout() {
        GangMembership gang = GangAnnotations.parse("ml", Map.of(),
                Map.of(GANG, "train-42", MIN_MEMBERS, "8", TIMEOUT, "10m"), null);

        assertThat(gang).isEqualTo(new GangMembership(new GangId("ml", "train-42"), 8, 600_000));
    }

    @Test
    void labelsWorkLikeAnnotations() {
        assertThat(GangAnnotations.parse("ml", Map.of(GANG, "g"), Map.of(), null).id().name()).isEqualTo("g");
    }

    @Test
    void aMinimumAloneGathersThePodsOfOneController() {
        GangMembership gang = GangAnnotations.parse("ml", Map.of(), Map.of(MIN_MEMBERS, "4"), "Job/etl-7");

        assertThat(gang.id()).isEqualTo(new GangId("ml", "Job/etl-7"));
        assertThat(gang.minMembers()).isEqualTo(4);
        assertThat(gang.timeoutMillis()).isEqualTo(GangMembership.DEFAULT_TIMEOUT_MILLIS);
    }

    @Test
    void otherSchedulersGroupKeysAreRead() {
        assertThat(GangAnnotations.parse("ml", Map.of(POD_GROUP_LABEL, "pg"), Map.of(), null))
                .isEqualTo(new GangMembership(new GangId("ml", "pg"), 0, GangMembership.DEFAULT_TIMEOUT_MILLIS,
                        GangTopology.NONE, POD_GROUP_LABEL, null));
        assertThat(GangAnnotations.parse("ml", Map.of(), Map.of(VOLCANO_GROUP, "vc", MIN_MEMBERS, "3"), null))
                .isEqualTo(new GangMembership(new GangId("ml", "vc"), 3, GangMembership.DEFAULT_TIMEOUT_MILLIS,
                        GangTopology.NONE, VOLCANO_GROUP, null));
        assertThat(GangAnnotations.parse("ml", Map.of(POD_GROUP_LABEL, "pg"), Map.of(GANG, "own"), null).id().name())
                .as("Stook's own key wins").isEqualTo("own");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "abc        | stook.dev/gang-min-members \"abc\" is not a positive integer",
            "0          | stook.dev/gang-min-members \"0\" is not a positive integer",
            "-3         | stook.dev/gang-min-members \"-3\" is not a positive integer",
            "2.5        | stook.dev/gang-min-members \"2.5\" is not a positive integer",
            "10001      | stook.dev/gang-min-members 10001 is larger than the limit of 10000",
            "99999999999999999999999 | stook.dev/gang-min-members value is larger than the limit of 10000",
    })
    void badMinimumsAreRefusedClearly(String value, String message) {
        assertThatThrownBy(() -> GangAnnotations.parse("ml", Map.of(), Map.of(GANG, "g", MIN_MEMBERS, value), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void otherBadInputIsRefusedClearly() {
        assertThatThrownBy(() -> GangAnnotations.parse("ml", Map.of(), Map.of(MIN_MEMBERS, "2"), null))
                .hasMessageContaining("names no gang");
        assertThatThrownBy(() -> GangAnnotations.parse("ml", Map.of(), Map.of(GANG, "g", TIMEOUT, "soon"), null))
                .hasMessageStartingWith("stook.dev/gang-timeout: invalid duration \"soon\"");
        assertThatThrownBy(() -> GangAnnotations.parse("ml", Map.of(), Map.of(GANG, "g", TIMEOUT, "0s"), null))
                .hasMessageContaining("longer than 0s");
        assertThatThrownBy(() -> GangAnnotations.parse("ml", Map.of(), Map.of(GANG, " "), null))
                .hasMessageContaining("gang name");
        assertThatThrownBy(() -> GangAnnotations.parse("ml", Map.of(), Map.of(GANG, "x".repeat(1 << 20)), null))
                .hasMessageContaining("gang name").satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }
}
