package dev.moments.adapter.persistence;

import dev.moments.application.port.out.PartnerSpending;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Keeps partners' monthly caps on their {@code partners} row: {@code monthly_cap}, and the month on record
 * ({@code charged_month}, its first day) with its charges ({@code charged_this_month}). A charge is one conditional
 * UPDATE, like a budget's reservation, so the row lock orders concurrent chargers and the cap is never exceeded.
 *
 * <p>Locks: every payment and release holds the partner's <em>cap guard</em> — a transaction-scoped advisory lock
 * — in shared mode, and {@link #setCap} takes it exclusively before it locks the row {@code FOR UPDATE}: a cap
 * change waits for every award in flight, and awards of a partner without a cap never wait for each other. A charge
 * or give-back takes the row {@code FOR NO KEY UPDATE} (any UPDATE of non-key columns does), and so does
 * {@link #lock} when the partner has a cap: chargers of a capped partner queue on its one counter.
 *
 * <p>Why an advisory lock rather than {@code FOR KEY SHARE} on the row: when many transactions share a row lock,
 * PostgreSQL records them in a new multixact for every new locker; with one event per request, that bookkeeping was
 * a large part of the database's work per award. A shared advisory lock lives in the lock manager's memory only.
 */
@ApplicationScoped
@StoreOutages
public class PostgresPartnerSpending implements PartnerSpending {

    /** Books a charge if it fits under the cap; the month on record never goes back. */
    private static final String CHARGE = "update partners set"
            + " charged_this_month = case when charged_month >= ? then charged_this_month + ? else ? end,"
            + " charged_month = case when charged_month >= ? then charged_month else ? end"
            + " where id = ? and currency = ? and monthly_cap is not null"
            + " and (case when charged_month >= ? then charged_this_month else 0 end) + ? <= monthly_cap";

    private static final String GIVE_BACK = "update partners set"
            + " charged_this_month = greatest(charged_this_month - ?, 0)"
            + " where id = ? and currency = ? and monthly_cap is not null and charged_month = ?";

    /**
     * The partner's reservations made in a month less those of them released (or refunded) in the same month (JPQL;
     * {@code null} when there is none); parameters: partner, from, to.
     */
    private static final String FROM_LEDGER = "select sum(case when l.kind = 'RESERVE' then l.amount"
            + " else -l.amount end)"
            + " from BudgetLedgerEntryEntity l join MomentEntity m on m.id = l.momentId"
            + " where m.partnerId = :partnerId and l.occurredAt >= :from and l.occurredAt < :to"
            + " and (l.kind = 'RESERVE' or (l.kind in ('RELEASE', 'REFUND') and exists (select 1"
            + " from BudgetLedgerEntryEntity r where r.momentId = l.momentId and r.awardId = l.awardId"
            + " and r.kind = 'RESERVE' and r.occurredAt >= :from and r.occurredAt < :to)))";

    /** A partner's row as far as its cap goes. */
    private record Row(String currency, BigDecimal cap, LocalDate month, BigDecimal charged) {
    }

    @Override
    public void lock(PartnerId partnerId) {
        lockedForCharges(partnerId);
    }

    @Override
    public Optional<Cap> lockCap(PartnerId partnerId, YearMonth month) {
        return capOf(partnerId, lockedForCharges(partnerId), month);
    }

    @Override
    public Optional<Cap> readCap(PartnerId partnerId, YearMonth month) {
        // the guard only: the cap cannot change, and the charge made last checks the month's charges again
        return capOf(partnerId, guardedRow(partnerId), month);
    }

    private static Optional<Cap> capOf(PartnerId partnerId, Row row, YearMonth month) {
        return row.cap() == null ? Optional.empty()
                : Optional.of(new Cap(MoneyColumns.money(row.cap(), row.currency()), charged(partnerId, row, month)));
    }

    /**
     * Takes the guard and, for a partner with a cap, its row {@code FOR NO KEY UPDATE}; answers the row as it stands
     * under those locks (the charges as the charger before this one left them).
     */
    private static Row lockedForCharges(PartnerId partnerId) {
        Row row = guardedRow(partnerId);
        if (row.cap() == null) {
            return row;
        }
        // under the guard the cap can no longer change; chargers of a capped partner queue here
        return lockedRow(partnerId, "for no key update")
                .orElseThrow(() -> new NoSuchElementException("partner " + partnerId + " not found"));
    }

    /**
     * Takes the partner's cap guard in shared mode (until the end of the transaction: no cap can be set or changed
     * meanwhile) and reads the row.
     */
    private static Row guardedRow(PartnerId partnerId) {
        guard(partnerId);
        return row(partnerId).orElseThrow(() -> new NoSuchElementException("partner " + partnerId + " not found"));
    }

    /** Takes the partner's cap guard in shared mode, until the end of the transaction (again: a no-op). */
    private static void guard(PartnerId partnerId) {
        // lock: advisory, shared
        Sql.list("select pg_advisory_xact_lock_shared(hashtextextended(?, 0))", rows -> null, guardKey(partnerId));
    }

    private static String guardKey(PartnerId partnerId) {
        return "partner-cap:" + partnerId.value();
    }

    @Override
    public Charge charge(PartnerId partnerId, Money amount, YearMonth month) {
        if (amount == null || !amount.isPositive()) {
            throw new IllegalArgumentException("amount must be positive, got " + amount);
        }
        guard(partnerId); // first, always: the same order as every other holder, and no cap can change from here on
        if (tryCharge(partnerId, amount, month)) {
            return Charge.CHARGED;
        }
        Row row = row(partnerId).orElseThrow(() -> new NoSuchElementException("partner " + partnerId + " not found"));
        requireCurrency(row, amount);
        return row.cap() == null ? Charge.NO_CAP : Charge.MONTHLY_CAP;
    }

    private boolean tryCharge(PartnerId partnerId, Money amount, YearMonth month) {
        LocalDate first = month.atDay(1);
        // conditional update: money (the month's charge under the cap)
        return Sql.update(CHARGE, first, amount.amount(), amount.amount(), first, first, partnerId.value(),
                amount.currency().getCurrencyCode(), first, amount.amount()) == 1;
    }

    @Override
    public void giveBack(PartnerId partnerId, Money amount, YearMonth month) {
        if (amount == null || !amount.isPositive()) {
            throw new IllegalArgumentException("amount must be positive, got " + amount);
        }
        // The guard keeps a cap from being set until this transaction ends, so a new cap counts from a ledger that
        // already holds this release.
        guard(partnerId);
        if (!tryGiveBack(partnerId, amount, month)) {
            // nothing to give back: no cap, or another month on record
            requireCurrency(row(partnerId).orElseThrow(
                    () -> new NoSuchElementException("partner " + partnerId + " not found")), amount);
        }
    }

    private boolean tryGiveBack(PartnerId partnerId, Money amount, YearMonth month) {
        // conditional update: money (a give-back to the month on record)
        return Sql.update(GIVE_BACK, amount.amount(), partnerId.value(), amount.currency().getCurrencyCode(),
                month.atDay(1)) == 1;
    }

    @Override
    public void setCap(PartnerId partnerId, Money capOrNull, YearMonth now) {
        // lock: advisory, exclusive (waits for every payment and release in flight)
        Sql.list("select pg_advisory_xact_lock(hashtextextended(?, 0))", rows -> null, guardKey(partnerId));
        Row row = lockedRow(partnerId, "for update")
                .orElseThrow(() -> new NoSuchElementException("partner " + partnerId + " not found"));
        if (capOrNull == null) {
            // money: the cap's counters, which only the statements of this class read and write (under the locks above)
            Sql.update("update partners set monthly_cap = null, charged_month = null, charged_this_month = 0"
                    + " where id = ?", partnerId.value());
            return;
        }
        if (!capOrNull.isPositive()) {
            throw new IllegalArgumentException("a cap must be positive, got " + capOrNull);
        }
        requireCurrency(row, capOrNull);
        // Every award and release in flight has committed (the lock waited for them), and this statement reads
        // what they wrote: READ COMMITTED takes a new snapshot per statement.
        Money charged = fromLedger(partnerId, capOrNull.currency().getCurrencyCode(), now);
        // money: the cap's counters, as above
        Sql.update("update partners set monthly_cap = ?, charged_month = ?, charged_this_month = ? where id = ?",
                capOrNull.amount(), now.atDay(1), charged.amount(), partnerId.value());
    }

    @Override
    public Optional<Cap> cap(PartnerId partnerId, YearMonth month) {
        return row(partnerId).flatMap(row -> capOf(partnerId, row, month));
    }

    @Override
    public Money charged(PartnerId partnerId, YearMonth month) {
        Row row = row(partnerId).orElseThrow(() -> new NoSuchElementException("partner " + partnerId + " not found"));
        return row.cap() == null ? fromLedger(partnerId, row.currency(), month) : charged(partnerId, row, month);
    }

    /** With a cap: the running charges of the month on record, zero for a later month, the ledger for an earlier. */
    private static Money charged(PartnerId partnerId, Row row, YearMonth month) {
        LocalDate first = month.atDay(1);
        if (row.month() != null && row.month().isAfter(first)) {
            return fromLedger(partnerId, row.currency(), month);
        }
        return MoneyColumns.money(first.equals(row.month()) ? row.charged() : BigDecimal.ZERO, row.currency());
    }

    private static Money fromLedger(PartnerId partnerId, String currency, YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        BigDecimal sum = Store.em().createQuery(FROM_LEDGER, BigDecimal.class)
                .setParameter("partnerId", partnerId.value())
                .setParameter("from", from)
                .setParameter("to", to)
                .getSingleResult();
        return MoneyColumns.money(sum == null ? BigDecimal.ZERO : sum.max(BigDecimal.ZERO), currency);
    }

    private static Optional<Row> row(PartnerId partnerId) {
        return lockedRow(partnerId, "");
    }

    private static Optional<Row> lockedRow(PartnerId partnerId, String lock) {
        // lock: FOR NO KEY UPDATE or FOR UPDATE as asked; without one, per-event path (every payment, under the guard)
        return Sql.first("select currency, monthly_cap, charged_month, charged_this_month from partners where id = ? "
                + lock, rows -> {
                    return new Row(rows.getString("currency"), rows.getBigDecimal("monthly_cap"),
                            rows.getObject("charged_month", LocalDate.class), rows.getBigDecimal("charged_this_month"));
                }, partnerId.value());
    }

    private static void requireCurrency(Row row, Money amount) {
        if (!row.currency().equals(amount.currency().getCurrencyCode())) {
            throw new IllegalArgumentException("the partner pays in " + row.currency() + ", not in "
                    + amount.currency().getCurrencyCode());
        }
    }
}
