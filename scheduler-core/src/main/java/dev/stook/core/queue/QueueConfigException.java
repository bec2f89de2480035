package dev.stook.core.queue;

import java.util.List;

/** A queue config that cannot be used; every problem found, each naming its line. */
public final class QueueConfigException extends IllegalArgumentException {
    private final List<String> errors;

    public QueueConfigException(List<String> errors) {
        super(String.join("\n", errors));
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
