package dev.moments.application.service;

import dev.moments.application.port.out.BadgeStore;
import dev.moments.application.port.out.Clock;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.points.Badge;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory index of each partner's badges by the event types their triggers listen to (refreshed within
 * {@code maxAge}, at once for a change made through this instance, as {@link ListeningMoments} is). The evaluation of
 * events asks it which badges an event may count for, and keeps their progress through the {@link BadgeStore}.
 */
public final class Badges {

    /** No badge anywhere: for evaluations that do without badges. */
    public static final Badges NONE = new Badges(null, null, Duration.ZERO);

    private final BadgeStore store;
    private final PartnerIndex<Map<String, List<Badge>>> byEventType;

    public Badges(BadgeStore store, Clock clock, Duration maxAge) {
        this.store = store;
        this.byEventType = new PartnerIndex<>(partner -> {
            Map<String, List<Badge>> byType = new HashMap<>();
            for (Badge badge : store.badges(partner)) {
                badge.trigger().eventTypes().forEach(type -> byType.computeIfAbsent(type, t -> new ArrayList<>())
                        .add(badge));
            }
            return byType;
        }, clock, maxAge);
    }

    /** The store, or {@code null} for {@link #NONE}. */
    BadgeStore store() {
        return store;
    }

    /** The partner's badges whose triggers listen to {@code eventType}, oldest first. */
    List<Badge> listening(PartnerId partnerId, String eventType) {
        if (store == null) {
            return List.of();
        }
        return byEventType.get(partnerId).getOrDefault(eventType, List.of());
    }

    /** Forgets the partner's badges; the next event reads them again. */
    void changed(PartnerId partnerId) {
        byEventType.changed(partnerId);
    }
}
