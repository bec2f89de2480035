package dev.stook.k8s.config;

/** A scheduler config file that cannot be used; the message names the file, the line and the key. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
