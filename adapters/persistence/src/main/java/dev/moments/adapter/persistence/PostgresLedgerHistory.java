package dev.moments.adapter.persistence;

import dev.moments.application.port.LedgerEntry.Kind;
import dev.moments.application.port.LedgerEntry;
import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.StatementLine;
import dev.moments.application.port.out.LedgerHistory;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Reads {@code budget_ledger} back with JPQL: a moment's entries page by page (the cursor is the sequence of the last
 * entry, the row's identity id), and per-moment sums over a UTC calendar month. Every query joins {@code moments} on
 * the partner, so another partner's moment reads as empty, and {@code budgets} for the currency. Both select columns
 * only, so no entity is ever managed.
 */
@ApplicationScoped
@StoreOutages
public class PostgresLedgerHistory implements LedgerHistory {

    @Override
    public Page<LedgerEntry> entries(PartnerId partnerId, MomentId momentId, PageRequest page) {
        Long after = cursor(page);
        List<LedgerEntry> rows = Store.em().createQuery("select l.id, l.momentId, l.awardId, l.kind, l.amount,"
                        + " l.occurredAt, b.currency"
                        + " from BudgetLedgerEntryEntity l"
                        + " join MomentEntity m on m.id = l.momentId"
                        + " join BudgetEntity b on b.momentId = l.momentId"
                        + " where l.momentId = :momentId and m.partnerId = :partnerId and l.id > :after"
                        + " order by l.id", Object[].class)
                .setParameter("momentId", momentId.value())
                .setParameter("partnerId", partnerId.value())
                .setParameter("after", after == null ? 0L : after)
                .setMaxResults(page.limit() + 1)
                .getResultList().stream().map(PostgresLedgerHistory::entry).toList();
        return Store.page(rows, page.limit(), row -> Long.toString(row.sequence()), row -> row);
    }

    @Override
    public List<StatementLine> statement(PartnerId partnerId, YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return Store.em().createQuery("select m.id, m.name, b.currency,"
                        + " count(l) filter (where l.kind = 'RESERVE'),"
                        + " sum(l.amount) filter (where l.kind = 'RESERVE'),"
                        + " sum(l.amount) filter (where l.kind in ('RELEASE', 'REFUND')),"
                        + " sum(l.amount) filter (where l.kind = 'SETTLE')"
                        + " from BudgetLedgerEntryEntity l"
                        + " join MomentEntity m on m.id = l.momentId"
                        + " join BudgetEntity b on b.momentId = l.momentId"
                        + " where m.partnerId = :partnerId and l.occurredAt >= :from and l.occurredAt < :to"
                        + " group by m.id, m.name, b.currency"
                        + " order by m.id", Object[].class)
                .setParameter("partnerId", partnerId.value())
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList().stream().map(PostgresLedgerHistory::line).toList();
    }

    /** The sequence after which a page starts, or {@code null} for the first page. */
    private static Long cursor(PageRequest page) {
        if (page.after() == null) {
            return null;
        }
        if (!page.after().matches("\\d{1,18}")) {
            throw new InvalidValueException("after", "not a cursor of this list");
        }
        return Long.parseLong(page.after());
    }

    /** A row of (id, moment, award, kind, amount, occurred at, currency). */
    private static LedgerEntry entry(Object[] row) {
        String currency = (String) row[6];
        String award = (String) row[2];
        return new LedgerEntry((Long) row[0], new MomentId((String) row[1]), award == null ? null : new AwardId(award),
                Kind.valueOf((String) row[3]), MoneyColumns.money((BigDecimal) row[4], currency), (Instant) row[5]);
    }

    /** A row of (moment, name, currency, actions, reserved, released, settled); a sum over no entries is null. */
    private static StatementLine line(Object[] row) {
        String currency = (String) row[2];
        var reserved = MoneyColumns.money(sum(row[4]), currency);
        var released = MoneyColumns.money(sum(row[5]), currency);
        return new StatementLine(new MomentId((String) row[0]), (String) row[1], (Long) row[3], reserved, released,
                MoneyColumns.money(sum(row[6]), currency), reserved.minus(released));
    }

    private static BigDecimal sum(Object value) {
        return value == null ? BigDecimal.ZERO : (BigDecimal) value;
    }
}
