package dev.moments.application.service;

import dev.moments.application.port.in.BadgesUseCase;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.out.BadgeStore;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.points.Badge;
import dev.moments.domain.points.BadgeId;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Text;
import dev.moments.domain.trigger.Trigger;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The partners' badges and the badges users earned; the earning itself happens in the evaluation of events. */
public final class BadgesService implements BadgesUseCase {

    private final BadgeStore store;
    private final Badges badges;
    private final CompiledExpressions expressions;
    private final IdGenerator ids;
    private final Clock clock;
    private final Transactions transactions;

    public BadgesService(BadgeStore store, Badges badges, CompiledExpressions expressions, IdGenerator ids,
                         Clock clock, TransactionRunner transactions) {
        this.store = store;
        this.badges = badges;
        this.expressions = expressions;
        this.ids = ids;
        this.clock = clock;
        this.transactions = new Transactions(transactions);
    }

    @Override
    public Badge create(PartnerId partnerId, String name, String imageUrl, Trigger trigger) {
        Badge badge = new Badge(new BadgeId(ids.next(BadgeId.PREFIX)), partnerId, name, imageUrl, trigger,
                clock.now());
        badge.trigger().expressions().forEach(expressions::validate);
        Badge created = transactions.run(() -> {
            if (!store.insert(badge, Badge.MAX_BADGES_PER_PARTNER)) {
                throw new InvalidValueException("name", "a partner keeps at most " + Badge.MAX_BADGES_PER_PARTNER
                        + " badges");
            }
            return badge;
        });
        badges.changed(partnerId);
        return created;
    }

    @Override
    public List<Badge> badges(PartnerId partnerId) {
        return transactions.run(() -> store.badges(partnerId));
    }

    @Override
    public Badge badge(PartnerId partnerId, BadgeId id) {
        return transactions.run(() -> store.find(partnerId, id)).orElseThrow(() -> new NotFoundException("badge", id));
    }

    @Override
    public List<Earned> earned(PartnerId partnerId, String userId) {
        String user = Text.id("userId", userId, PointsService.MAX_USER_ID_LENGTH);
        return transactions.run(() -> {
            Map<BadgeId, Badge> byId = store.badges(partnerId).stream()
                    .collect(Collectors.toMap(Badge::id, Function.identity()));
            return store.earned(partnerId, user).stream().filter(progress -> byId.containsKey(progress.badgeId()))
                    .map(progress -> new Earned(byId.get(progress.badgeId()), progress.earnedAt(), progress.eventId()))
                    .toList();
        });
    }
}
