package cn.clustergraph.account;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keeps what every authenticated request looks up (a token's owner, a user's roles and bindings) for a few seconds, so a
 * request does not pay two read transactions before its own query; the owning class clears it on each of its writes, so
 * a revocation or a disabled user takes effect at once on this instance (and within the time-to-live on others).
 */
final class ShortCache<K, V> {

    private record Entry<V>(Optional<V> value, long until) {
    }

    private static final int MAX_ENTRIES = 10_000;
    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;

    ShortCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    Optional<V> get(K key, Function<K, Optional<V>> load) {
        long now = System.nanoTime();
        Entry<V> e = entries.get(key);
        if (e != null && now - e.until() < 0) {
            return e.value();
        }
        Optional<V> value = load.apply(key);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, now + ttlNanos));
        return value;
    }

    void clear() {
        entries.clear();
    }
}
