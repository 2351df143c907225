package dev.moments.application.service;

import dev.moments.application.port.in.AuthenticatePartnerUseCase.Caller;
import dev.moments.domain.partner.ApiKeyDigest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * API keys this instance found active in the store within the last {@code maxAge}, by digest, so a partner sending
 * many requests costs one key lookup per {@code maxAge} rather than one per request. Only active keys are kept — a
 * wrong key always goes to the store, so nobody fills the map but the admin who issues keys — and at most
 * {@value #MAX_KEYS} of them (beyond, the map starts over). A key revoked through this instance is forgotten at once;
 * revoked through another, it stops working here within {@code maxAge}.
 */
final class RecentKeys {

    /** The most keys kept; a deployment with more active keys than this only looks some up more often. */
    static final int MAX_KEYS = 10_000;

    private record Checked(Caller caller, long atNanos) {
    }

    private final Map<ApiKeyDigest, Checked> keys = new ConcurrentHashMap<>();
    private final AtomicLong forgotten = new AtomicLong();
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;

    /**
     * @param maxAge how long a lookup is trusted; zero keeps nothing
     * @param nanoTime a monotonic clock in nanoseconds, such as {@code System::nanoTime}
     */
    RecentKeys(Duration maxAge, LongSupplier nanoTime) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge must not be negative");
        }
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The caller of this key, when it was found active less than {@code maxAge} ago. */
    Optional<Caller> find(ApiKeyDigest digest) {
        Checked checked = keys.get(digest);
        if (checked == null) {
            return Optional.empty();
        }
        if (nanoTime.getAsLong() - checked.atNanos() >= maxAgeNanos) {
            keys.remove(digest, checked);
            return Optional.empty();
        }
        return Optional.of(checked.caller());
    }

    /** To pass to {@link #active} for a lookup about to start: how many keys were forgotten so far. */
    long beforeLookup() {
        return forgotten.get();
    }

    /**
     * Remembers that the store found this key active, in a lookup started at {@code beforeLookup} — unless a key was
     * forgotten since (it may be this one, revoked after the lookup read it).
     */
    void active(ApiKeyDigest digest, Caller caller, long beforeLookup) {
        if (maxAgeNanos == 0) {
            return;
        }
        if (keys.size() >= MAX_KEYS) {
            keys.clear();
        }
        Checked checked = new Checked(caller, nanoTime.getAsLong());
        // checked and stored under the entry's lock, which forget's removal waits for
        keys.compute(digest, (key, before) -> forgotten.get() == beforeLookup ? checked : before);
    }

    /** Forgets a key, e.g. because it was revoked; a lookup running meanwhile will not remember it either. */
    void forget(ApiKeyDigest digest) {
        forgotten.incrementAndGet();
        keys.remove(digest);
    }
}
