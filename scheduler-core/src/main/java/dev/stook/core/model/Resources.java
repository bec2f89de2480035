package dev.stook.core.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An immutable vector of resource amounts in base units: cpu in millicores, memory and storage in bytes,
 * pods and extended resources as counts. Slots come from {@link ResourceNames}; trailing zero slots are
 * trimmed so equal amounts are equal objects whatever the registry size when they were made.
 */
public final class Resources {
    public static final Resources NONE = new Resources(new long[0]);

    private final long[] amounts;
    private final int hash;

    private Resources(long[] amounts) {
        int length = amounts.length;
        while (length > 0 && amounts[length - 1] == 0) {
            length--;
        }
        this.amounts = length == amounts.length ? amounts : Arrays.copyOf(amounts, length);
        this.hash = Arrays.hashCode(this.amounts);
    }

    /** Takes ownership of the array. */
    public static Resources ofSlots(long[] amounts) {
        for (long amount : amounts) {
            if (amount < 0) {
                throw new IllegalArgumentException("negative resource amount " + amount);
            }
        }
        return new Resources(amounts);
    }

    /**
     * Parses a Kubernetes resource list such as {@code {cpu: 500m, memory: 1Gi, nvidia.com/gpu: 1}} that
     * asks for resources: every name must be one a node offers ({@link UnknownResourceException} if not).
     */
    public static Resources parse(Map<String, String> quantities) {
        return parse(quantities, builder());
    }

    /** Parses a resource list that offers or configures resources (a node's allocatable, a queue's caps): new names are registered. */
    public static Resources parseRegistering(Map<String, String> quantities) {
        return parse(quantities, registeringBuilder());
    }

    private static Resources parse(Map<String, String> quantities, Builder builder) {
        for (Map.Entry<String, String> entry : quantities.entrySet()) {
            builder.set(entry.getKey(), entry.getValue());
        }
        return builder.build();
    }

    /** A builder for what is asked for: {@link Builder#set} takes only names a node offers. */
    public static Builder builder() {
        return new Builder(false);
    }

    /** A builder for what is offered or configured: {@link Builder#set} registers new names. */
    public static Builder registeringBuilder() {
        return new Builder(true);
    }

    public long get(int slot) {
        return slot < amounts.length ? amounts[slot] : 0;
    }

    public long cpuMillis() {
        return get(ResourceNames.CPU);
    }

    public long memoryBytes() {
        return get(ResourceNames.MEMORY);
    }

    /** Number of slots that may be non-zero. */
    public int width() {
        return amounts.length;
    }

    public boolean isZero() {
        return amounts.length == 0;
    }

    public Resources plus(Resources other) {
        if (other.amounts.length == 0) {
            return this;
        }
        long[] sum = Arrays.copyOf(amounts, Math.max(amounts.length, other.amounts.length));
        for (int i = 0; i < other.amounts.length; i++) {
            sum[i] = Math.addExact(sum[i], other.amounts[i]);
        }
        return new Resources(sum);
    }

    /** Every slot multiplied by {@code factor}, as {@code factor} pods asking for this ask together. */
    public Resources times(int factor) {
        long[] product = new long[amounts.length];
        for (int i = 0; i < amounts.length; i++) {
            product[i] = Math.multiplyExact(amounts[i], (long) factor);
        }
        return new Resources(product);
    }

    /** Slot-wise difference, never below zero: for running sums that must not drift negative. */
    public Resources minusFloored(Resources other) {
        long[] difference = new long[Math.max(amounts.length, other.amounts.length)];
        for (int i = 0; i < difference.length; i++) {
            difference[i] = Math.max(0, get(i) - other.get(i));
        }
        return new Resources(difference);
    }

    /** Slot-wise maximum, as Kubernetes combines init containers with the app containers. */
    public Resources max(Resources other) {
        long[] result = Arrays.copyOf(amounts, Math.max(amounts.length, other.amounts.length));
        for (int i = 0; i < other.amounts.length; i++) {
            result[i] = Math.max(result[i], other.amounts[i]);
        }
        return new Resources(result);
    }

    /** True when no slot of this exceeds the same slot of {@code limit}. */
    public boolean fitsWithin(Resources limit) {
        for (int i = 0; i < amounts.length; i++) {
            if (amounts[i] > limit.get(i)) {
                return false;
            }
        }
        return true;
    }

    public Map<String, String> toQuantities() {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < amounts.length; i++) {
            if (amounts[i] != 0) {
                out.put(ResourceNames.nameOf(i), Quantity.format(amounts[i], i == ResourceNames.CPU));
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Resources other && hash == other.hash && Arrays.equals(amounts, other.amounts);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return toQuantities().toString();
    }

    public static final class Builder {
        private final boolean registering;
        private long[] amounts = new long[ResourceNames.EPHEMERAL_STORAGE + 1];

        private Builder(boolean registering) {
            this.registering = registering;
        }

        /** Sets a resource from its Kubernetes quantity string; cpu is kept in millicores. */
        public Builder set(String name, String quantity) {
            int slot = registering ? ResourceNames.indexOf(name) : ResourceNames.knownIndexOf(name);
            long value;
            try {
                value = slot == ResourceNames.CPU ? Quantity.parseMillis(quantity) : Quantity.parseUnits(quantity);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
            }
            return setSlot(slot, value);
        }

        public Builder cpuMillis(long millis) {
            return setSlot(ResourceNames.CPU, millis);
        }

        public Builder memoryBytes(long bytes) {
            return setSlot(ResourceNames.MEMORY, bytes);
        }

        public Builder pods(long pods) {
            return setSlot(ResourceNames.PODS, pods);
        }

        public Builder setSlot(int slot, long value) {
            if (value < 0) {
                throw new IllegalArgumentException(ResourceNames.nameOf(slot) + ": must not be negative");
            }
            if (slot >= amounts.length) {
                amounts = Arrays.copyOf(amounts, slot + 1);
            }
            amounts[slot] = value;
            return this;
        }

        public Resources build() {
            return new Resources(amounts.clone());
        }
    }
}
