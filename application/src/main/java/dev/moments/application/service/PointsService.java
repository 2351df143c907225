package dev.moments.application.service;

import dev.moments.application.port.PageRequest;
import dev.moments.application.port.in.InsufficientPointsException;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.PointsUseCase;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.PointStore;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.points.PointEntry;
import dev.moments.domain.points.PointRule;
import dev.moments.domain.points.PointRuleId;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Text;
import java.util.List;
import java.util.OptionalLong;

/**
 * The partners' point rules and the users' balances and spends; the points events earn are written by the evaluation.
 */
public final class PointsService implements PointsUseCase {

    /** The longest user id accepted (as an event's). */
    static final int MAX_USER_ID_LENGTH = 200;

    private final PointStore store;
    private final PointRules rules;
    private final CompiledExpressions expressions;
    private final IdGenerator ids;
    private final Clock clock;
    private final Transactions transactions;

    public PointsService(PointStore store, PointRules rules, CompiledExpressions expressions, IdGenerator ids,
                         Clock clock, TransactionRunner transactions) {
        this.store = store;
        this.rules = rules;
        this.expressions = expressions;
        this.ids = ids;
        this.clock = clock;
        this.transactions = new Transactions(transactions);
    }

    @Override
    public PointRule createRule(NewRule input) {
        PointRule rule = new PointRule(new PointRuleId(ids.next(PointRuleId.PREFIX)), input.partnerId(), input.name(),
                input.event(), input.where(), input.points(), clock.now());
        expressions.validate("where", rule.where());
        expressions.validateValue("points", rule.points());
        PointRule created = transactions.run(() -> {
            if (!store.insertRule(rule, PointRule.MAX_RULES_PER_PARTNER)) {
                throw new InvalidValueException("event", "a partner keeps at most " + PointRule.MAX_RULES_PER_PARTNER
                        + " point rules; delete one first");
            }
            return rule;
        });
        rules.changed(rule.partnerId());
        return created;
    }

    @Override
    public List<PointRule> rules(PartnerId partnerId) {
        return transactions.run(() -> store.rules(partnerId));
    }

    @Override
    public PointRule rule(PartnerId partnerId, PointRuleId id) {
        return transactions.run(() -> store.findRule(partnerId, id))
                .orElseThrow(() -> new NotFoundException("point rule", id));
    }

    @Override
    public void deleteRule(PartnerId partnerId, PointRuleId id) {
        if (!transactions.run(() -> store.deleteRule(partnerId, id))) {
            throw new NotFoundException("point rule", id);
        }
        rules.changed(partnerId);
    }

    @Override
    public Points points(PartnerId partnerId, String userId, PageRequest page) {
        String user = Text.id("userId", userId, MAX_USER_ID_LENGTH);
        return transactions.run(() -> new Points(user, store.balance(partnerId, user),
                store.entries(partnerId, user, page)));
    }

    @Override
    public Spent spend(PartnerId partnerId, String userId, long amount, String reason) {
        String user = Text.id("userId", userId, MAX_USER_ID_LENGTH);
        if (amount < 1 || amount > Long.MAX_VALUE / 2) {
            throw new InvalidValueException("amount", "amount is a whole number of points from 1");
        }
        String why = Text.name("reason", reason, PointEntry.MAX_REASON_LENGTH);
        PointEntry entry = new PointEntry(ids.next(PointEntry.PREFIX), partnerId, user, -amount, null, null, why,
                clock.now());
        return transactions.run(() -> {
            OptionalLong after = store.spend(entry);
            if (after.isEmpty()) {
                throw new InsufficientPointsException(amount, store.balance(partnerId, user));
            }
            return new Spent(entry, after.getAsLong());
        });
    }
}
