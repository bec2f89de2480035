package dev.stook.sim;

/** A scenario that cannot be loaded; the message names the key path at fault, e.g. {@code workloads[1].requests.cpu}. */
public final class ScenarioException extends RuntimeException {
    public ScenarioException(String message) {
        super(message);
    }

    public ScenarioException(String path, String problem) {
        super(path.isEmpty() ? problem : path + ": " + problem);
    }
}
