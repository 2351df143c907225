package dev.moments.adapter.persistence;

import dev.moments.adapter.persistence.BudgetLedgerEntryEntity.Kind;
import dev.moments.application.port.out.BudgetLedger;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.budget.BudgetState;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps budgets and their immutable ledger in PostgreSQL. A reservation is one conditional UPDATE, so the row
 * lock serialises concurrent reservations and the CHECK constraints are never the ones saying no.
 */
@ApplicationScoped
public class PostgresBudgetLedger implements BudgetLedger {

    @Override
    public void open(Budget budget, Instant at) {
        Store.insert(BudgetMapper.toEntity(budget), "budget of moment " + budget.momentId());
        if (budget.total().isPositive()) {
            Store.insert(BudgetMapper.entry(budget.momentId(), Kind.TOP_UP, budget.total(), null, at),
                    "ledger entry");
        }
    }

    @Override
    public Optional<Budget> find(MomentId momentId) {
        return Store.find(BudgetEntity.class, momentId.value()).map(BudgetMapper::toDomain);
    }

    @Override
    public boolean reserve(MomentId momentId, Money amount, AwardId awardId, Instant at) {
        requirePositive(amount);
        Objects.requireNonNull(awardId, "awardId");
        int changed = Store.em()
                .createQuery("update BudgetEntity b set b.reserved = b.reserved + :amount"
                        + " where b.momentId = :momentId and b.currency = :currency"
                        + " and b.total - b.reserved - b.spent >= :amount")
                .setParameter("amount", amount.amount())
                .setParameter("momentId", momentId.value())
                .setParameter("currency", amount.currency().getCurrencyCode())
                .executeUpdate();
        if (changed != 1) {
            return false;
        }
        Store.insert(BudgetMapper.entry(momentId, Kind.RESERVE, amount, awardId, at), "ledger entry");
        return true;
    }

    @Override
    public void topUp(MomentId momentId, Money amount, Instant at) {
        requirePositive(amount);
        int changed = Store.em()
                .createQuery("update BudgetEntity b set b.total = b.total + :amount"
                        + " where b.momentId = :momentId and b.currency = :currency")
                .setParameter("amount", amount.amount())
                .setParameter("momentId", momentId.value())
                .setParameter("currency", amount.currency().getCurrencyCode())
                .executeUpdate();
        if (changed != 1) {
            throw new NoSuchElementException("moment " + momentId + " has no budget in "
                    + amount.currency().getCurrencyCode());
        }
        Store.insert(BudgetMapper.entry(momentId, Kind.TOP_UP, amount, null, at), "ledger entry");
    }

    @Override
    public BudgetState state(MomentId momentId, ZoneId zone, Instant now) {
        Budget budget = find(momentId)
                .orElseThrow(() -> new NoSuchElementException("moment " + momentId + " has no budget"));
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant from = today.atStartOfDay(zone).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(zone).toInstant();
        // SETTLE only moves money from reserved to spent: what was charged today is reserved less released.
        Object charged = Store.em()
                .createNativeQuery("select coalesce(sum(case kind when 'RESERVE' then amount"
                        + " when 'RELEASE' then -amount else 0 end), 0)"
                        + " from budget_ledger where moment_id = :momentId"
                        + " and occurred_at >= :from and occurred_at < :to")
                .setParameter("momentId", momentId.value())
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult();
        BigDecimal spentToday = ((BigDecimal) charged).max(BigDecimal.ZERO);
        return new BudgetState(budget.reserved(), budget.spent(), budget.remaining(),
                new Money(spentToday, budget.total().currency()));
    }

    private static void requirePositive(Money amount) {
        if (amount == null || !amount.isPositive()) {
            throw new IllegalArgumentException("amount must be positive, got " + amount);
        }
    }
}
