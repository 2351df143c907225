package dev.moments.adapter.persistence;

import dev.moments.application.port.out.LedgerHistory;
import dev.moments.application.port.out.Page;
import dev.moments.application.port.out.PageRequest;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * Reads {@code budget_ledger} back with plain SQL: a moment's entries page by page (the cursor is the sequence of
 * the last entry, the row's identity id), and per-moment sums over a UTC calendar month. Every query joins
 * {@code moments} on the partner, so another partner's moment reads as empty, and {@code budgets} for the currency.
 */
@ApplicationScoped
public class PostgresLedgerHistory implements LedgerHistory {

    @Override
    public Page<LedgerEntry> entries(PartnerId partnerId, MomentId momentId, PageRequest page) {
        Long after = cursor(page);
        Query query = Store.em().createNativeQuery("select l.id, l.moment_id, l.award_id, l.kind, l.amount,"
                        + " l.occurred_at, b.currency"
                        + " from budget_ledger l"
                        + " join moments m on m.id = l.moment_id"
                        + " join budgets b on b.moment_id = l.moment_id"
                        + " where l.moment_id = :momentId and m.partner_id = :partnerId"
                        + (after == null ? "" : " and l.id > :after")
                        + " order by l.id")
                .setParameter("momentId", momentId.value())
                .setParameter("partnerId", partnerId.value())
                .setMaxResults(page.limit() + 1);
        if (after != null) {
            query.setParameter("after", after);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return Store.page(rows, page.limit(), row -> Long.toString(((Number) row[0]).longValue()),
                PostgresLedgerHistory::entry);
    }

    @Override
    public List<StatementLine> statement(PartnerId partnerId, YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Store.em().createNativeQuery("select m.id, m.name, b.currency,"
                        + " count(*) filter (where l.kind = 'RESERVE'),"
                        + " coalesce(sum(l.amount) filter (where l.kind = 'RESERVE'), 0),"
                        + " coalesce(sum(l.amount) filter (where l.kind = 'RELEASE'), 0),"
                        + " coalesce(sum(l.amount) filter (where l.kind = 'SETTLE'), 0)"
                        + " from budget_ledger l"
                        + " join moments m on m.id = l.moment_id"
                        + " join budgets b on b.moment_id = l.moment_id"
                        + " where m.partner_id = :partnerId and l.occurred_at >= :from and l.occurred_at < :to"
                        + " group by m.id, m.name, b.currency"
                        + " order by m.id")
                .setParameter("partnerId", partnerId.value())
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        return rows.stream().map(PostgresLedgerHistory::line).toList();
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

    private static LedgerEntry entry(Object[] row) {
        String currency = (String) row[6];
        return new LedgerEntry(((Number) row[0]).longValue(), new MomentId((String) row[1]),
                row[2] == null ? null : new AwardId((String) row[2]), Kind.valueOf((String) row[3]),
                MoneyColumns.money((BigDecimal) row[4], currency), instant(row[5]));
    }

    private static StatementLine line(Object[] row) {
        String currency = (String) row[2];
        var reserved = MoneyColumns.money((BigDecimal) row[4], currency);
        var released = MoneyColumns.money((BigDecimal) row[5], currency);
        return new StatementLine(new MomentId((String) row[0]), (String) row[1], ((Number) row[3]).longValue(),
                reserved, released, MoneyColumns.money((BigDecimal) row[6], currency), reserved.minus(released));
    }

    /** A timestamptz column as the JDBC driver and Hibernate hand it over, as an instant. */
    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + (value == null ? null : value.getClass()));
    }
}
