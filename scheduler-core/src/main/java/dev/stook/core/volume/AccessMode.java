package dev.stook.core.volume;

/** How a volume may be mounted, as a PersistentVolume or claim lists it in {@code accessModes}. */
public enum AccessMode {
    READ_WRITE_ONCE("ReadWriteOnce"),
    READ_ONLY_MANY("ReadOnlyMany"),
    READ_WRITE_MANY("ReadWriteMany"),
    READ_WRITE_ONCE_POD("ReadWriteOncePod");

    private final String apiName;

    AccessMode(String apiName) {
        this.apiName = apiName;
    }

    /** The mode of the API's name, or null for a name Kubernetes does not define. */
    public static AccessMode parse(String name) {
        for (AccessMode mode : values()) {
            if (mode.apiName.equals(name)) {
                return mode;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return apiName;
    }
}
