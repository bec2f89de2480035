package dev.stook.core.gang;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.stook.core.gang.GangAnnotations.GANG;
import static dev.stook.core.gang.GangAnnotations.MIN_MEMBERS;
import static dev.stook.core.gang.GangAnnotations.POD_GROUP_LABEL;
import static dev.stook.core.gang.GangAnnotations.TIMEOUT;
import static dev.stook.core.gang.GangAnnotations.VOLCANO_GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A gang declared outside the pod, weighed against the pod's own keys in the one documented order. */
class GangDeclarationTest {
    private static final GangDeclaration VOLCANO = GangDeclaration.found("train", 4, "Volcano PodGroup train")
            .withTimeoutMillis(60_000);

    @Test
    void aDeclarationGivesTheGangItsNameSizeTimeoutAndSource() {
        GangMembership gang = GangAnnotations.parse("ml", Map.of(), Map.of(VOLCANO_GROUP, "train"), null, VOLCANO);

        assertThat(gang).isEqualTo(new GangMembership(new GangId("ml", "train"), 4, 60_000, GangTopology.NONE,
                "Volcano PodGroup train", null));
    }

    @Test
    void stooksOwnGangKeyOverrulesTheDeclarationEntirely() {
        GangMembership gang = GangAnnotations.parse("ml", Map.of(), Map.of(GANG, "own", VOLCANO_GROUP, "train"), null,
                VOLCANO);

        assertThat(gang).isEqualTo(new GangMembership(new GangId("ml", "own"), 0,
                GangMembership.DEFAULT_TIMEOUT_MILLIS));
        assertThat(GangAnnotations.declaredWins(Map.of(), Map.of(GANG, "own"))).isFalse();
    }

    @Test
    void stooksMinimumAndTimeoutOverrideTheDeclarationsAndTheSourceSaysSo() {
        GangMembership gang = GangAnnotations.parse("ml", Map.of(),
                Map.of(VOLCANO_GROUP, "train", MIN_MEMBERS, "2", TIMEOUT, "10m"), null, VOLCANO);

        assertThat(gang.minMembers()).isEqualTo(2);
        assertThat(gang.timeoutMillis()).isEqualTo(600_000);
        assertThat(gang.source()).isEqualTo("Volcano PodGroup train, minimum from stook.dev/gang-min-members");
    }

    @Test
    void aDeclarationWinsOverTheGroupNamesOfOtherSchedulers() {
        GangDeclaration job = GangDeclaration.found("Job/etl", 3, "Job etl (parallelism 3)");

        GangMembership gang = GangAnnotations.parse("ml", Map.of(POD_GROUP_LABEL, "pg"), Map.of(), "Job/etl", job);

        assertThat(gang.id().name()).isEqualTo("Job/etl");
        assertThat(gang.source()).isEqualTo("Job etl (parallelism 3)");
    }

    @Test
    void withoutADeclarationGroupNamesAreNamesOnlyAndTheirKeyIsTheSource() {
        GangMembership gang = GangAnnotations.parse("ml", Map.of(POD_GROUP_LABEL, "pg"), Map.of(), null, null);

        assertThat(gang.minMembers()).isZero();
        assertThat(gang.source()).isEqualTo(POD_GROUP_LABEL);
    }

    @Test
    void aMissingDeclarationIsCarriedOnSoTheGangWaitsForIt() {
        GangDeclaration missing = GangDeclaration.missing("train", "Volcano PodGroup train",
                "Volcano PodGroup train to be created");

        GangMembership gang = GangAnnotations.parse("ml", Map.of(), Map.of(VOLCANO_GROUP, "train"), null, missing);

        assertThat(gang.awaiting()).isEqualTo("Volcano PodGroup train to be created");
        assertThat(gang.declaresMinimum()).isFalse();
    }

    @Test
    void impossibleSizesAreRefusedNamingTheSource() {
        assertThatThrownBy(() -> GangDeclaration.found("train", 10_001, "Volcano PodGroup train"))
                .hasMessage("Volcano PodGroup train: minimum 10001 is not between 1 and 10000");
        assertThatThrownBy(() -> GangDeclaration.found("train", -1, "Job train"))
                .hasMessageStartingWith("Job train: minimum -1");
    }
}
