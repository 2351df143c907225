package dev.moments.application.service;

import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.trigger.ReferralTrigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An in-memory index of each partner's evaluated moments (LIVE and TEST) by the event types they listen to, so an
 * event finds its moments with a map lookup instead of a query. A change made through this instance refreshes the
 * partner's entry at once; changes made by other instances are picked up within {@code maxAge}. Whatever the index
 * says, a moment's status is read again from the store before anything is paid.
 */
public final class ListeningMoments {

    static final List<MomentStatus> EVALUATED = List.of(MomentStatus.LIVE, MomentStatus.TEST);

    private final MomentRepository moments;
    private final Clock clock;
    private final Duration maxAge;
    private final Map<PartnerId, Snapshot> snapshots = new ConcurrentHashMap<>();

    public ListeningMoments(MomentRepository moments, Clock clock, Duration maxAge) {
        this.moments = moments;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    private record Snapshot(Instant loadedAt, Map<String, List<Moment>> byEventType, boolean referrals,
                            AtomicBoolean reloading) {

        Snapshot(Instant loadedAt, Map<String, List<Moment>> byEventType, boolean referrals) {
            this(loadedAt, byEventType, referrals, new AtomicBoolean());
        }
    }

    /**
     * The partner's evaluated moments whose trigger listens to {@code eventType}, in id order. When the entry has
     * aged, one caller reads it again while the others go on with the old one for that moment (the statuses are read
     * again before paying anyway): under load, every request thread reading the same moments at once was a tenth of
     * the service's work.
     */
    public List<Moment> listening(PartnerId partnerId, String eventType) {
        return snapshot(partnerId).byEventType().getOrDefault(eventType, List.of());
    }

    /** Whether any of the partner's evaluated moments is a referral: its users' devices are then worth keeping. */
    public boolean hasReferrals(PartnerId partnerId) {
        return snapshot(partnerId).referrals();
    }

    private Snapshot snapshot(PartnerId partnerId) {
        Instant now = clock.now();
        Snapshot snapshot = snapshots.get(partnerId);
        if (snapshot == null) {
            snapshot = load(partnerId, now);
            snapshots.put(partnerId, snapshot);
        } else if (snapshot.loadedAt().plus(maxAge).isBefore(now) && snapshot.reloading().compareAndSet(false, true)) {
            Snapshot aged = snapshot;
            try {
                snapshot = load(partnerId, now);
                snapshots.replace(partnerId, aged, snapshot);
            } finally {
                aged.reloading().set(false); // lets another caller try again if this load failed
            }
        }
        return snapshot;
    }

    /** Forgets the partner's entry; the next event reloads it. */
    public void changed(PartnerId partnerId) {
        snapshots.remove(partnerId);
    }

    private Snapshot load(PartnerId partnerId, Instant now) {
        Map<String, List<Moment>> byType = new HashMap<>();
        boolean referrals = false;
        for (Moment moment : moments.findInStatus(partnerId, EVALUATED)) {
            referrals |= moment.trigger() instanceof ReferralTrigger;
            for (String type : moment.eventTypes()) {
                byType.computeIfAbsent(type, t -> new ArrayList<>()).add(moment);
            }
        }
        byType.values().forEach(list -> list.sort(Comparator.comparing(m -> m.id().value())));
        byType.replaceAll((type, list) -> List.copyOf(list));
        return new Snapshot(now, Map.copyOf(byType), referrals);
    }
}
