package dev.stook.core.cluster;

import dev.stook.core.model.Resources;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Running sums of pod requests by a key (a queue, an owner), kept as pods come and go. */
final class UsageIndex {
    private final Map<String, long[]> sums = new HashMap<>();

    void add(String key, Resources requests, int sign) {
        long[] sum = sums.computeIfAbsent(key, k -> new long[0]);
        if (sum.length < requests.width()) {
            sum = Arrays.copyOf(sum, requests.width());
            sums.put(key, sum);
        }
        boolean empty = true;
        for (int slot = 0; slot < sum.length; slot++) {
            sum[slot] += sign * requests.get(slot);
            empty &= sum[slot] == 0;
        }
        if (empty) {
            sums.remove(key);
        }
    }

    Resources get(String key) {
        long[] sum = sums.get(key);
        return sum == null ? Resources.NONE : Resources.ofSlots(sum.clone());
    }
}
