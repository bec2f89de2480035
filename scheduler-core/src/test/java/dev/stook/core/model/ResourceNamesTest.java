package dev.stook.core.model;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The resource-name slots are filled by what nodes offer, never by what pods ask for. */
class ResourceNamesTest {
    @Test
    void podsAskingForMoreMadeUpResourcesThanThereAreSlotsLeaveANodesNewResourceItsSlot() {
        int before = ResourceNames.count();
        for (int i = 0; i < ResourceNames.MAX_RESOURCES; i++) {
            String madeUp = "tenant.example/made-up-" + i;
            assertThatThrownBy(() -> Resources.parse(Map.of("cpu", "1", madeUp, "1")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("no node offers resource \"" + madeUp + "\"");
        }

        Resources offered = Resources.parseRegistering(Map.of("cpu", "8", "example.com/new-device", "2"));
        Resources asked = Resources.parse(Map.of("example.com/new-device", "1"));

        assertThat(ResourceNames.count()).isEqualTo(before + 1);
        assertThat(asked.fitsWithin(offered)).isTrue();
    }

    @Test
    void anInvalidNameIsInvalidWhetherOfferedOrAskedFor() {
        assertThatThrownBy(() -> Resources.parse(Map.of("bad name!", "1"))).hasMessage("invalid resource name \"bad name!\"");
        assertThatThrownBy(() -> Resources.parseRegistering(Map.of("bad name!", "1")))
                .hasMessage("invalid resource name \"bad name!\"");
    }
}
