package dev.stook.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Interns resource names into the fixed slots of a {@link Resources} vector. The first slots are
 * Kubernetes' built-in resources; extended resources such as {@code nvidia.com/gpu} get the next free
 * slot the first time they are seen. The number of slots is capped so a stream of bad input cannot
 * grow every vector in the cluster.
 */
public final class ResourceNames {
    public static final int CPU = 0;
    public static final int MEMORY = 1;
    public static final int PODS = 2;
    public static final int EPHEMERAL_STORAGE = 3;
    public static final int MAX_RESOURCES = 64;

    private static final Pattern VALID_NAME =
            Pattern.compile("([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    private static final Map<String, Integer> INDEX = new ConcurrentHashMap<>();
    private static final List<String> NAMES = new ArrayList<>();

    static {
        for (String builtIn : List.of("cpu", "memory", "pods", "ephemeral-storage")) {
            indexOf(builtIn);
        }
    }

    private ResourceNames() {}

    /** The slot of a resource name, registering it if new. */
    public static int indexOf(String name) {
        Integer index = INDEX.get(name);
        return index != null ? index : register(name);
    }

    public static String nameOf(int index) {
        synchronized (NAMES) {
            return NAMES.get(index);
        }
    }

    public static int count() {
        synchronized (NAMES) {
            return NAMES.size();
        }
    }

    private static int register(String name) {
        if (name == null || name.length() > 253 || !VALID_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid resource name " + InputText.quote(name));
        }
        synchronized (NAMES) {
            Integer existing = INDEX.get(name);
            if (existing != null) {
                return existing;
            }
            if (NAMES.size() >= MAX_RESOURCES) {
                throw new IllegalArgumentException("too many distinct resource names (at most " + MAX_RESOURCES
                        + "): refusing " + InputText.quote(name));
            }
            NAMES.add(name);
            INDEX.put(name, NAMES.size() - 1);
            return NAMES.size() - 1;
        }
    }
}
