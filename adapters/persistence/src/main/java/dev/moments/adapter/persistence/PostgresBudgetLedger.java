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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps budgets and their immutable ledger in PostgreSQL. A reservation is one conditional UPDATE, so the row
 * lock serialises concurrent reservations and the CHECK constraints are never the ones saying no.
 */
@ApplicationScoped
@StoreOutages
public class PostgresBudgetLedger implements BudgetLedger {

    private static final String ENTRY =
            "insert into budget_ledger (moment_id, award_id, kind, amount, occurred_at) values (?, ?, ?, ?, ?)";

    private static final String BUDGET =
            "select currency, total, daily_cap, cost_per_action, reserved, spent from budgets";

    @Override
    public void open(Budget budget, Instant at) {
        Store.insert(BudgetMapper.toEntity(budget), "budget of moment " + budget.momentId());
        if (budget.total().isPositive()) {
            entry(budget.momentId(), Kind.TOP_UP, budget.total(), null, at);
        }
    }

    @Override
    public Optional<Budget> find(MomentId momentId) {
        // per-event path: dry runs read it for every completion (Awarding.check, hypothetical)
        return Sql.first(BUDGET + " where moment_id = ?", row -> budget(momentId, row), momentId.value());
    }

    @Override
    public Budget lock(MomentId momentId) {
        // lock: the budget row (docs/architecture.md, lock order)
        return Sql.first(BUDGET + " where moment_id = ? for update", row -> budget(momentId, row), momentId.value())
                .orElseThrow(() -> new NoSuchElementException("moment " + momentId + " has no budget"));
    }

    @Override
    public Budget lockToChange(MomentId momentId) {
        // lock: the budget row, by the UPDATE that moves the generation on (docs/architecture.md, lock order)
        return Sql.first("update budgets set generation = generation + 1 where moment_id = ?"
                        + " returning currency, total, daily_cap, cost_per_action, reserved, spent",
                row -> budget(momentId, row), momentId.value())
                .orElseThrow(() -> new NoSuchElementException("moment " + momentId + " has no budget"));
    }

    @Override
    public Optional<Unlocked> read(MomentId momentId, ZoneId zone, Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        // per-event path: what a payment decides against, one statement
        return Sql.first("select currency, total, daily_cap, cost_per_action, reserved, spent, charged_day,"
                        + " charged_today, generation from budgets where moment_id = ?",
                row -> {
                    Budget budget = budget(momentId, row);
                    LocalDate day = row.getObject("charged_day", LocalDate.class);
                    // as a reservation counts them: a later day on record counts too, the day never goes back
                    BigDecimal chargedToday = day != null && !day.isBefore(today) ? row.getBigDecimal("charged_today")
                            : BigDecimal.ZERO;
                    return new Unlocked(budget, MoneyColumns.money(chargedToday, row.getString("currency")),
                            row.getLong("generation"));
                }, momentId.value());
    }

    @Override
    public Optional<Budget> reserveAllIfUnchanged(MomentId momentId, long generation, Money each,
                                                  List<AwardId> awardIds, Instant at, LocalDate day) {
        if (awardIds.isEmpty()) {
            throw new IllegalArgumentException("no award to reserve for");
        }
        return reserve(momentId, generation, each, awardIds, at, day);
    }

    @Override
    public boolean isUnchanged(MomentId momentId, long generation) {
        // lock: the budget row, shared (no status change or edit until this transaction ends)
        return Sql.first("select generation from budgets where moment_id = ? for share",
                row -> row.getLong(1) == generation, momentId.value()).orElse(false);
    }

    @Override
    public Reservation reserveAll(MomentId momentId, Money each, List<AwardId> awardIds, Instant at, LocalDate day) {
        if (awardIds.isEmpty()) {
            requirePositive(each);
            Objects.requireNonNull(day, "day");
            return Reservation.RESERVED;
        }
        if (reserve(momentId, null, each, awardIds, at, day).isPresent()) {
            return Reservation.RESERVED;
        }
        Budget budget = find(momentId)
                .orElseThrow(() -> new NoSuchElementException("moment " + momentId + " has no budget"));
        return budget.remaining().isLessThan(each.times(awardIds.size())) ? Reservation.BUDGET_EXHAUSTED
                : Reservation.DAILY_CAP;
    }

    /**
     * Reserves {@code each} for every award, at {@code generation} if one is given, and writes their ledger entries:
     * one statement. It checks the total and the day's cap and books both; the row lock orders concurrent callers. A
     * reservation whose day is older than the day on record (a caller that read its clock just before midnight and
     * then waited on this lock) counts against the day on record: the day never goes back.
     *
     * @return the budget after, or empty when nothing was reserved
     */
    private static Optional<Budget> reserve(MomentId momentId, Long generation, Money each, List<AwardId> awardIds,
                                            Instant at, LocalDate day) {
        requirePositive(each);
        Objects.requireNonNull(day, "day");
        awardIds.forEach(id -> Objects.requireNonNull(id, "awardId"));
        BigDecimal value = each.times(awardIds.size()).amount();
        // conditional update: money (the reservation, at the generation read if one is given), and its ledger
        // entries in the same statement, in the awards' order
        return Sql.first("with reserved as (update budgets set reserved = reserved + ?,"
                        + " charged_today = case when charged_day >= ? then charged_today + ? else ? end,"
                        + " charged_day = greatest(charged_day, ?)"
                        + " where moment_id = ? and generation = coalesce(cast(? as bigint), generation)"
                        + " and currency = ? and total - reserved - spent >= ?"
                        + " and (daily_cap is null"
                        + " or (case when charged_day >= ? then charged_today else 0 end) + ? <= daily_cap)"
                        + " returning moment_id, currency, total, daily_cap, cost_per_action, reserved, spent),"
                        + " entries as (insert into budget_ledger (moment_id, award_id, kind, amount, occurred_at)"
                        + " select reserved.moment_id, award.id, 'RESERVE', ?, cast(? as timestamptz)"
                        + " from reserved, unnest(cast(? as text[])) with ordinality as award (id, n) order by award.n)"
                        + " select currency, total, daily_cap, cost_per_action, reserved, spent from reserved",
                row -> budget(momentId, row),
                value, day, value, value, day, momentId.value(), generation, each.currency().getCurrencyCode(), value,
                day, value, each.amount(), at, awardIds.stream().map(AwardId::value).toArray(String[]::new));
    }

    @Override
    public void release(MomentId momentId, AwardId awardId, Money amount, LocalDate reservedOn, Instant at) {
        giveBack(momentId, amount, Money.zero(amount.currency()), reservedOn);
        entry(momentId, Kind.RELEASE, amount, awardId, at);
    }

    @Override
    public void settle(MomentId momentId, AwardId awardId, Money reservation, Money cost, LocalDate reservedOn,
                       Instant at) {
        if (cost.isNegative() || cost.isGreaterThan(reservation)) {
            throw new IllegalArgumentException("cost " + cost + " must be between zero and the reservation " + reservation);
        }
        Money rest = reservation.minus(cost);
        giveBack(momentId, rest, cost, reservedOn);
        if (cost.isPositive()) {
            entry(momentId, Kind.SETTLE, cost, awardId, at);
        }
        if (rest.isPositive()) {
            entry(momentId, Kind.RELEASE, rest, awardId, at);
        }
    }

    @Override
    public void refund(MomentId momentId, AwardId awardId, Money amount, LocalDate reservedOn, Instant at) {
        requirePositive(amount);
        Objects.requireNonNull(awardId, "awardId");
        // spent shrinks (remaining grows); the day's charges shrink if the reservation's day is still on record
        // conditional update: money (the refund)
        int changed = Sql.update("update budgets set spent = spent - ?,"
                        + " charged_today = case when charged_day = ? then greatest(charged_today - ?, 0)"
                        + " else charged_today end"
                        + " where moment_id = ? and currency = ? and spent >= ?",
                amount.amount(), reservedOn, amount.amount(), momentId.value(), amount.currency().getCurrencyCode(),
                amount.amount());
        if (changed != 1) {
            throw new IllegalStateException("moment " + momentId + " has not spent " + amount.amount() + " "
                    + amount.currency().getCurrencyCode() + " to refund");
        }
        entry(momentId, Kind.REFUND, amount, awardId, at);
    }

    /**
     * Takes {@code released + spent} out of the reservations, adds {@code spent} to what is spent, and gives
     * {@code released} back to the day it was reserved on if that is still the day on record.
     */
    private void giveBack(MomentId momentId, Money released, Money spent, LocalDate reservedOn) {
        BigDecimal reservation = released.amount().add(spent.amount());
        // conditional update: money (a release or settle)
        int changed = Sql.update("update budgets set reserved = reserved - ?, spent = spent + ?,"
                        + " charged_today = case when charged_day = ? then greatest(charged_today - ?, 0)"
                        + " else charged_today end"
                        + " where moment_id = ? and currency = ? and reserved >= ?",
                reservation, spent.amount(), reservedOn, released.amount(), momentId.value(),
                released.currency().getCurrencyCode(), reservation);
        if (changed != 1) {
            throw new IllegalStateException("moment " + momentId + " has no reservation of " + reservation
                    + " " + released.currency().getCurrencyCode() + " to give back");
        }
    }

    @Override
    public boolean markLowOnce(MomentId momentId) {
        // conditional update: the budget.low mark, set once per crossing (Budget.isLow in SQL)
        return Sql.update("update budgets set low_alerted = true where moment_id = ?"
                + " and not low_alerted and (reserved + spent) * 100 >= total * ?", momentId.value(), LOW_PERCENT) == 1;
    }

    @Override
    public void topUp(MomentId momentId, Money amount, Instant at) {
        requirePositive(amount);
        // conditional update: money (the top-up, and the budget.low mark it may clear)
        int changed = Sql.update("update budgets set total = total + ?,"
                        + " low_alerted = low_alerted and (reserved + spent) * 100 >= (total + ?) * ?"
                        + " where moment_id = ? and currency = ? and total + ? < ?",
                amount.amount(), amount.amount(), LOW_PERCENT, momentId.value(), amount.currency().getCurrencyCode(),
                amount.amount(), Money.MAX_AMOUNT);
        if (changed != 1) {
            throw new NoSuchElementException("moment " + momentId + " has no budget in "
                    + amount.currency().getCurrencyCode());
        }
        entry(momentId, Kind.TOP_UP, amount, null, at);
    }

    @Override
    public boolean reprice(MomentId momentId, Money costPerAction, Money dailyCap, LocalDate day) {
        requirePositive(costPerAction);
        Objects.requireNonNull(day, "day");
        BigDecimal cap = MoneyColumns.amount(dailyCap);
        // The charges of a day before `day` count for nothing any more (a reservation starts the day again from zero),
        // so they are cleared here rather than held against the new cap by the CHECK on the row.
        // conditional update: money (the price and the daily cap against today's charges)
        int changed = Sql.update("update budgets set cost_per_action = ?, daily_cap = ?,"
                        + " charged_today = case when charged_day >= ? then charged_today else 0 end"
                        + " where moment_id = ? and currency = ?"
                        + " and (cast(? as numeric) is null or (case when charged_day >= ? then charged_today else 0 end)"
                        + " <= cast(? as numeric))",
                costPerAction.amount(), cap, day, momentId.value(), costPerAction.currency().getCurrencyCode(), cap,
                day, cap);
        if (changed == 1) {
            return true;
        }
        find(momentId).filter(budget -> budget.total().currency().equals(costPerAction.currency()))
                .orElseThrow(() -> new NoSuchElementException("moment " + momentId + " has no budget in "
                        + costPerAction.currency().getCurrencyCode()));
        return false;
    }

    @Override
    public BudgetState state(MomentId momentId, ZoneId zone, Instant now) {
        BudgetEntity row = Store.find(BudgetEntity.class, momentId.value())
                .orElseThrow(() -> new NoSuchElementException("moment " + momentId + " has no budget"));
        Budget budget = BudgetMapper.toDomain(row);
        LocalDate today = now.atZone(zone).toLocalDate();
        // as a reservation counts them: a later day on record (another instance's clock already past midnight)
        // counts too, since the day on record never goes back
        BigDecimal chargedToday = row.chargedDay != null && !row.chargedDay.isBefore(today) ? row.chargedToday
                : BigDecimal.ZERO;
        return new BudgetState(budget.reserved(), budget.spent(), budget.remaining(),
                new Money(chargedToday, budget.total().currency()));
    }

    private static void requirePositive(Money amount) {
        if (amount == null || !amount.isPositive()) {
            throw new IllegalArgumentException("amount must be positive, got " + amount);
        }
    }

    /** Appends one immutable entry to the ledger. */
    private static void entry(MomentId momentId, Kind kind, Money amount, AwardId awardId, Instant at) {
        // lock window: after the money statement that locked the budget row, which payments wait for (open shares it)
        Sql.update(ENTRY, entryRow(momentId, kind, amount, awardId, at));
    }

    private static Object[] entryRow(MomentId momentId, Kind kind, Money amount, AwardId awardId, Instant at) {
        return new Object[] {momentId.value(), awardId == null ? null : awardId.value(), kind.name(),
            MoneyColumns.amount(amount), at};
    }

    private static Budget budget(MomentId momentId, ResultSet row) throws SQLException {
        String currency = row.getString("currency");
        return new Budget(momentId, MoneyColumns.money(row.getBigDecimal("total"), currency),
                MoneyColumns.money(row.getBigDecimal("daily_cap"), currency),
                MoneyColumns.money(row.getBigDecimal("cost_per_action"), currency),
                MoneyColumns.money(row.getBigDecimal("reserved"), currency),
                MoneyColumns.money(row.getBigDecimal("spent"), currency));
    }
}
