package dev.stook.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Interns resource names into the fixed slots of a {@link Resources} vector. The first slots are
 * Kubernetes' built-in resources; extended resources such as {@code nvidia.com/gpu} get the next free
 * slot the first time a node offers them (or the operator's queue config names them). Pods only look
 * names up: what they ask for that no node offers is refused, so tenants cannot use up the slots, whose
 * number is capped so that every vector in the cluster stays small.
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

    /** The slot of a resource name, registering it if new: for names nodes offer or operators configure. */
    public static int indexOf(String name) {
        Integer index = INDEX.get(name);
        return index != null ? index : register(name);
    }

    /**
     * The slot of a resource name already registered, for names pods ask for.
     *
     * @throws UnknownResourceException when no node has offered it
     */
    public static int knownIndexOf(String name) {
        Integer index = INDEX.get(name);
        if (index != null) {
            return index;
        }
        requireValid(name);
        throw new UnknownResourceException(name);
    }

    /** Whether the name has a slot: some node offered it, or the queue config named it. */
    public static boolean isKnown(String name) {
        return name != null && INDEX.containsKey(name);
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

    private static void requireValid(String name) {
        if (name == null || name.length() > 253 || !VALID_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid resource name " + InputText.quote(name));
        }
    }

    private static int register(String name) {
        requireValid(name);
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
