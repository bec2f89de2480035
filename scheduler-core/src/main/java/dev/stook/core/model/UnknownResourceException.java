package dev.stook.core.model;

/**
 * A pod asks for a resource no node has offered: its name is not registered, so the pod cannot fit
 * anywhere now, and registering names from pods would let one tenant fill every slot.
 */
public final class UnknownResourceException extends IllegalArgumentException {
    private final String resource;

    public UnknownResourceException(String resource) {
        super("no node offers resource " + InputText.quote(resource));
        this.resource = resource;
    }

    public String resource() {
        return resource;
    }
}
