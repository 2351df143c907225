package dev.moments.application.service;

import dev.moments.application.port.out.Clock;
import dev.moments.domain.partner.PartnerId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Something of each partner's kept in memory (its point rules or badges by event type) and read again from the store
 * once older than {@code maxAge}, or at once after {@link #changed}: a change made through this instance counts at
 * once, one made through another within {@code maxAge}.
 */
final class PartnerIndex<T> {

    private final Function<PartnerId, T> load;
    private final Clock clock;
    private final Duration maxAge;
    private final Map<PartnerId, Loaded<T>> loaded = new ConcurrentHashMap<>();

    PartnerIndex(Function<PartnerId, T> load, Clock clock, Duration maxAge) {
        this.load = load;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    private record Loaded<T>(Instant at, T value) {
    }

    T get(PartnerId partnerId) {
        Instant now = clock.now();
        Loaded<T> entry = loaded.get(partnerId);
        if (entry == null || entry.at().plus(maxAge).isBefore(now)) {
            entry = new Loaded<>(now, load.apply(partnerId));
            loaded.put(partnerId, entry);
        }
        return entry.value();
    }

    /** Forgets the partner's entry; the next {@link #get} reads it again. */
    void changed(PartnerId partnerId) {
        loaded.remove(partnerId);
    }
}
