package dev.stook.k8s.status;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Work waiting to be sent, handed out one namespace at a time in turn, so that a namespace with thousands
 * of items waiting delays another namespace's item by one at most. Bounded: when full, the oldest item of
 * the namespace with the most waiting makes room, so a flood only ever drops its own. Thread-safe.
 */
final class NamespaceRoundRobin<T> {
    private final int capacity;
    /** In turn order: the namespace served next first. */
    private final Map<String, ArrayDeque<T>> byNamespace = new LinkedHashMap<>();
    private int size;
    private boolean closed;

    NamespaceRoundRobin(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(String namespace, T item) {
        if (closed) {
            return;
        }
        if (size == capacity) {
            dropOldestOfLongest();
        }
        byNamespace.computeIfAbsent(namespace, key -> new ArrayDeque<>()).addLast(item);
        size++;
        notifyAll();
    }

    /** The next item, waiting until there is one; empty once closed. */
    synchronized Optional<T> take() throws InterruptedException {
        while (!closed && size == 0) {
            wait();
        }
        if (closed) {
            return Optional.empty();
        }
        Iterator<Map.Entry<String, ArrayDeque<T>>> turn = byNamespace.entrySet().iterator();
        Map.Entry<String, ArrayDeque<T>> next = turn.next();
        turn.remove();
        T item = next.getValue().pollFirst();
        size--;
        if (!next.getValue().isEmpty()) {
            byNamespace.put(next.getKey(), next.getValue());
        }
        return Optional.of(item);
    }

    synchronized void close() {
        closed = true;
        byNamespace.clear();
        size = 0;
        notifyAll();
    }

    private void dropOldestOfLongest() {
        Map.Entry<String, ArrayDeque<T>> longest = null;
        for (Map.Entry<String, ArrayDeque<T>> entry : byNamespace.entrySet()) {
            if (longest == null || entry.getValue().size() > longest.getValue().size()) {
                longest = entry;
            }
        }
        longest.getValue().pollFirst();
        size--;
        if (longest.getValue().isEmpty()) {
            byNamespace.remove(longest.getKey());
        }
    }
}
