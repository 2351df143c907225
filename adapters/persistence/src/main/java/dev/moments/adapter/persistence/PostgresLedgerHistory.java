package dev.moments.adapter.persistence;

import dev.moments.application.port.out.LedgerHistory;
import dev.moments.application.port.out.Page;
import dev.moments.application.port.out.PageRequest;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Reads {@code budget_ledger} back with plain SQL: a moment's entries page by page (the cursor is the sequence of
 * the last entry, the row's identity id), and per-moment sums over a UTC calendar month. Every query joins
 * {@code moments} on the partner, so another partner's moment reads as empty, and {@code budgets} for the currency.
 */
@ApplicationScoped
@StoreOutages
public class PostgresLedgerHistory implements LedgerHistory {

    @Override
    public Page<LedgerEntry> entries(PartnerId partnerId, MomentId momentId, PageRequest page) {
        Long after = cursor(page);
        List<LedgerEntry> rows = Sql.list("select l.id, l.moment_id, l.award_id, l.kind, l.amount,"
                        + " l.occurred_at, b.currency"
                        + " from budget_ledger l"
                        + " join moments m on m.id = l.moment_id"
                        + " join budgets b on b.moment_id = l.moment_id"
                        + " where l.moment_id = ? and m.partner_id = ? and l.id > ?"
                        + " order by l.id limit ?",
                PostgresLedgerHistory::entry, momentId.value(), partnerId.value(), after == null ? 0L : after,
                page.limit() + 1);
        return Store.page(rows, page.limit(), row -> Long.toString(row.sequence()), row -> row);
    }

    @Override
    public List<StatementLine> statement(PartnerId partnerId, YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return Sql.list("select m.id, m.name, b.currency,"
                        + " count(*) filter (where l.kind = 'RESERVE') as actions,"
                        + " coalesce(sum(l.amount) filter (where l.kind = 'RESERVE'), 0) as reserved,"
                        + " coalesce(sum(l.amount) filter (where l.kind in ('RELEASE', 'REFUND')), 0) as released,"
                        + " coalesce(sum(l.amount) filter (where l.kind = 'SETTLE'), 0) as settled"
                        + " from budget_ledger l"
                        + " join moments m on m.id = l.moment_id"
                        + " join budgets b on b.moment_id = l.moment_id"
                        + " where m.partner_id = ? and l.occurred_at >= ? and l.occurred_at < ?"
                        + " group by m.id, m.name, b.currency"
                        + " order by m.id",
                PostgresLedgerHistory::line, partnerId.value(), from, to);
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

    private static LedgerEntry entry(ResultSet row) throws SQLException {
        String currency = row.getString("currency");
        String award = row.getString("award_id");
        return new LedgerEntry(row.getLong("id"), new MomentId(row.getString("moment_id")),
                award == null ? null : new AwardId(award), Kind.valueOf(row.getString("kind")),
                MoneyColumns.money(row.getBigDecimal("amount"), currency), Sql.instant(row, "occurred_at"));
    }

    private static StatementLine line(ResultSet row) throws SQLException {
        String currency = row.getString("currency");
        var reserved = MoneyColumns.money(row.getBigDecimal("reserved"), currency);
        var released = MoneyColumns.money(row.getBigDecimal("released"), currency);
        return new StatementLine(new MomentId(row.getString("id")), row.getString("name"), row.getLong("actions"),
                reserved, released, MoneyColumns.money(row.getBigDecimal("settled"), currency),
                reserved.minus(released));
    }
}
