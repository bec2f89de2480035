package dev.stook.core.queue;

import dev.stook.core.model.ResourceNames;
import dev.stook.core.model.Resources;

import java.util.LinkedHashMap;
import java.util.Map;

/** Upper limits on some resources; a resource the cap does not name is unlimited. */
public record ResourceCap(Resources amounts, long cappedSlots) {
    public static final ResourceCap NONE = new ResourceCap(Resources.NONE, 0);

    /** A cap on the resources named in the config (even at zero), and no others. */
    public static ResourceCap on(Resources amounts, Iterable<String> namedResources) {
        long slots = 0;
        for (String name : namedResources) {
            slots |= 1L << ResourceNames.indexOf(name);
        }
        return new ResourceCap(amounts, slots);
    }

    public boolean limits(int slot) {
        return (cappedSlots & (1L << slot)) != 0;
    }

    public long limit(int slot) {
        return limits(slot) ? amounts.get(slot) : Long.MAX_VALUE;
    }

    public boolean isNone() {
        return cappedSlots == 0;
    }

    public boolean allows(Resources amount) {
        for (int slot = 0; slot < amount.width(); slot++) {
            if (amount.get(slot) > limit(slot)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        Map<String, String> named = new LinkedHashMap<>();
        Map<String, String> quantities = amounts.toQuantities();
        for (int slot = 0; slot < ResourceNames.count(); slot++) {
            if (limits(slot)) {
                String name = ResourceNames.nameOf(slot);
                named.put(name, quantities.getOrDefault(name, "0"));
            }
        }
        return named.toString();
    }
}
