package dev.stook.core.model;

import dev.stook.core.model.PodRequests.InitContainer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourcesTest {

    @Test
    void parsesCpuInMillicoresAndEverythingElseInUnits() {
        Resources r = Resources.parseRegistering(Map.of("cpu", "1500m", "memory", "2Gi", "nvidia.com/gpu", "2"));

        assertThat(r.cpuMillis()).isEqualTo(1500);
        assertThat(r.memoryBytes()).isEqualTo(2L << 30);
        assertThat(r.get(ResourceNames.indexOf("nvidia.com/gpu"))).isEqualTo(2);
    }

    @Test
    void equalAmountsAreEqualWhateverTheirWidth() {
        Resources narrow = Resources.builder().cpuMillis(100).build();
        Resources wide = Resources.builder().cpuMillis(100).setSlot(ResourceNames.indexOf("example.com/foo"), 0).build();

        assertThat(narrow).isEqualTo(wide).hasSameHashCodeAs(wide);
    }

    @Test
    void badEntriesNameTheResource() {
        assertThatThrownBy(() -> Resources.parse(Map.of("memory", "lots")))
                .hasMessageStartingWith("memory: invalid quantity \"lots\"");
        assertThatThrownBy(() -> Resources.parse(Map.of("bad name!", "1")))
                .hasMessageContaining("invalid resource name");
    }

    @Test
    void plusAndMaxWorkSlotBySlot() {
        Resources a = Resources.builder().cpuMillis(100).memoryBytes(10).build();
        Resources b = Resources.builder().cpuMillis(50).memoryBytes(30).build();

        assertThat(a.plus(b)).isEqualTo(Resources.builder().cpuMillis(150).memoryBytes(40).build());
        assertThat(a.max(b)).isEqualTo(Resources.builder().cpuMillis(100).memoryBytes(30).build());
        assertThat(a.fitsWithin(a.plus(b))).isTrue();
        assertThat(a.plus(b).fitsWithin(a)).isFalse();
    }

    @Test
    void effectiveRequestFollowsKubernetes() {
        Resources app1 = Resources.parse(Map.of("cpu", "1", "memory", "1Gi"));
        Resources app2 = Resources.parse(Map.of("cpu", "500m", "memory", "1Gi"));
        Resources bigInit = Resources.parse(Map.of("cpu", "4", "memory", "512Mi"));
        Resources overhead = Resources.parse(Map.of("cpu", "100m", "memory", "64Mi"));

        Resources effective = PodRequests.effective(List.of(app1, app2), List.of(InitContainer.regular(bigInit)),
                overhead);

        assertThat(effective).isEqualTo(Resources.parse(Map.of("cpu", "4100m", "memory", "2112Mi")));
    }

    @Test
    void sidecarsCountBesideTheAppContainersAndTheInitContainersStartedAfterThem() {
        Resources app = Resources.parse(Map.of("cpu", "1", "memory", "1Gi"));
        InitContainer setup = InitContainer.regular(Resources.parse(Map.of("cpu", "2", "memory", "256Mi")));
        InitContainer proxy = new InitContainer(Resources.parse(Map.of("cpu", "500m", "memory", "128Mi")), true);
        InitContainer migrate = InitContainer.regular(Resources.parse(Map.of("cpu", "3", "memory", "3Gi")));

        Resources effective = PodRequests.effective(List.of(app), List.of(setup, proxy, migrate), Resources.NONE);

        // running: 1 + 0.5 cpu, 1Gi + 128Mi; setup alone: 2 cpu; migrate beside the proxy: 3.5 cpu, 3Gi + 128Mi
        assertThat(effective).isEqualTo(Resources.parse(Map.of("cpu", "3500m", "memory", "3200Mi")));
    }

    @Test
    void aSidecarStartedLastStillRunsBesideTheApp() {
        Resources app = Resources.parse(Map.of("cpu", "2"));
        InitContainer setup = InitContainer.regular(Resources.parse(Map.of("cpu", "2")));
        InitContainer agent = new InitContainer(Resources.parse(Map.of("cpu", "1")), true);

        assertThat(PodRequests.effective(List.of(app), List.of(setup, agent), null))
                .isEqualTo(Resources.parse(Map.of("cpu", "3")));
    }
}
