package dev.stook.core.model;

/**
 * A port a pod takes on its node's network: a container's {@code hostPort}, or any container port of a pod on
 * the host network. An empty host IP means every address of the node.
 */
public record HostPort(String protocol, String hostIp, int port) {
    private static final String ALL_ADDRESSES = "0.0.0.0";

    public HostPort {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("host port " + port + " is not between 1 and 65535");
        }
        protocol = protocol == null || protocol.isEmpty() ? "TCP" : protocol;
        hostIp = hostIp == null || hostIp.isEmpty() ? ALL_ADDRESSES : hostIp;
    }

    /** Two pods cannot both hold these on one node: same protocol and port, on the same or every address. */
    public boolean conflictsWith(HostPort other) {
        return port == other.port && protocol.equals(other.protocol)
                && (hostIp.equals(other.hostIp) || hostIp.equals(ALL_ADDRESSES) || other.hostIp.equals(ALL_ADDRESSES));
    }
}
