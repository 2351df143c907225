package dev.moments.application.service;

import dev.moments.application.port.PointsEarned;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.PointStore;
import dev.moments.domain.event.UserEvent;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.points.PointEntry;
import dev.moments.domain.points.PointRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which points an event earns: an in-memory index of each partner's point rules by event type (refreshed within
 * {@code maxAge}, at once for a change made through this instance, as {@link ListeningMoments} is), and the rules'
 * conditions and points, compiled once. A partner without rules costs an event one map lookup.
 */
public final class PointRules {

    /** No rule anywhere: for evaluations that do without points (tests of other things). */
    public static final PointRules NONE = new PointRules(null, null, null, null, Duration.ZERO);

    private final PointStore store;
    private final CompiledExpressions expressions;
    private final IdGenerator ids;
    private final PartnerIndex<Map<String, List<PointRule>>> byEventType;

    public PointRules(PointStore store, CompiledExpressions expressions, IdGenerator ids, Clock clock,
                      Duration maxAge) {
        this.store = store;
        this.expressions = expressions;
        this.ids = ids;
        this.byEventType = new PartnerIndex<>(partner -> store.rules(partner).stream()
                .collect(Collectors.groupingBy(PointRule::event)), clock, maxAge);
    }

    /** The points {@code event} earns by each of its partner's rules that listens to its type and holds for it. */
    List<PointsEarned> earnedBy(UserEvent event) {
        if (store == null) {
            return List.of();
        }
        List<PointRule> rules = byEventType.get(event.partnerId()).getOrDefault(event.type(), List.of());
        if (rules.isEmpty()) {
            return List.of();
        }
        List<PointsEarned> earned = new ArrayList<>();
        for (PointRule rule : rules) {
            if (!expressions.predicate(rule.where()).test(event)) {
                continue;
            }
            long points = PointRule.earned(expressions.value(rule.points()).of(event));
            if (points > 0) {
                earned.add(new PointsEarned(rule.id(), rule.name(), points));
            }
        }
        return earned;
    }

    /** Writes what the events earned ({@link PointStore#earnAll}: once per event and rule). */
    void write(List<Earning> earnings, Instant at) {
        if (store == null || earnings.isEmpty()) {
            return;
        }
        List<PointEntry> entries = new ArrayList<>();
        for (Earning earning : earnings) {
            for (PointsEarned points : earning.points()) {
                entries.add(new PointEntry(ids.next(PointEntry.PREFIX), earning.event().partnerId(),
                        earning.event().userId(), points.points(), points.ruleId(), earning.event().id(), null, at));
            }
        }
        store.earnAll(entries);
    }

    /** The points one event earned. */
    record Earning(UserEvent event, List<PointsEarned> points) {
    }

    /** Forgets the partner's rules; the next event reads them again. */
    void changed(PartnerId partnerId) {
        byEventType.changed(partnerId);
    }
}
