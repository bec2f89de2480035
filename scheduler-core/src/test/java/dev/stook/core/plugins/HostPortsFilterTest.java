package dev.stook.core.plugins;

import dev.stook.core.model.HostPort;
import dev.stook.core.model.Node;
import dev.stook.core.model.Pod;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.stook.core.Fixtures.node;
import static dev.stook.core.Fixtures.pod;
import static dev.stook.core.Fixtures.slotOf;
import static org.assertj.core.api.Assertions.assertThat;

class HostPortsFilterTest {
    private final Node node = node("n1", "8", "16Gi");
    private final HostPortsFilter filter = new HostPortsFilter();

    private static Pod taking(String name, HostPort... ports) {
        Pod pod = pod(name, "1", "1Gi");
        return pod.withConstraints(pod.constraints().withHostPorts(List.of(ports)));
    }

    @Test
    void aPortHeldOnEveryAddressConflictsWithTheSamePortAndProtocolOnAnyAddress() {
        Pod holder = taking("holder", new HostPort("TCP", "", 8080));

        assertThat(filter.reject(taking("p", new HostPort("TCP", "", 8080)), slotOf(node, holder)))
                .isEqualTo("node(s) didn't have free ports for the requested pod ports");
        assertThat(filter.reject(taking("p", new HostPort("TCP", "10.0.0.1", 8080)), slotOf(node, holder))).isNotNull();
        assertThat(filter.reject(taking("p", new HostPort("UDP", "", 8080)), slotOf(node, holder))).isNull();
        assertThat(filter.reject(taking("p", new HostPort("TCP", "", 8081)), slotOf(node, holder))).isNull();
    }

    @Test
    void portsOnDifferentAddressesDoNotConflict() {
        Pod holder = taking("holder", new HostPort("TCP", "10.0.0.1", 9000));

        assertThat(filter.reject(taking("p", new HostPort("TCP", "10.0.0.2", 9000)), slotOf(node, holder))).isNull();
        assertThat(filter.reject(taking("p", new HostPort(null, "0.0.0.0", 9000)), slotOf(node, holder))).isNotNull();
    }

    @Test
    void aPodWithoutHostPortsFitsBesideAnyOther() {
        assertThat(filter.reject(pod("p", "1", "1Gi"), slotOf(node, taking("holder", new HostPort("TCP", "", 80)))))
                .isNull();
    }
}
