package dev.moments.adapter.persistence;

import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.out.PointStore;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.points.PointEntry;
import dev.moments.domain.points.PointRule;
import dev.moments.domain.points.PointRuleId;
import dev.moments.domain.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Keeps point rules, the points ledger and the balances in PostgreSQL, in plain SQL. */
@ApplicationScoped
@StoreOutages
public class PostgresPointStore implements PointStore {

    private static final String RULE = "select id, partner_id, name, event, condition, points, created_at"
            + " from point_rules";

    /**
     * An entry earned, written once per (partner, event, rule), and the balance grown by what was written (nothing
     * when the entry was there already).
     */
    private static final String EARN = """
            with written as (
                insert into point_entries (id, partner_id, user_id, points, rule_id, event_id, at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (partner_id, event_id, rule_id) where points > 0 do nothing
                returning partner_id, user_id, points
            )
            insert into point_balances (partner_id, user_id, balance)
            select partner_id, user_id, points from written
            on conflict (partner_id, user_id) do update set balance = point_balances.balance + excluded.balance""";

    @Override
    public boolean insertRule(PointRule rule, int max) {
        if (!Sql.fewerThanUnderLock("point_rules", rule.partnerId().value(), max)) {
            return false;
        }
        Sql.insert("point rule " + rule.id(), "insert into point_rules (id, partner_id, name, event, condition,"
                        + " points, created_at) values (?, ?, ?, ?, ?, ?, ?)", rule.id().value(),
                rule.partnerId().value(), rule.name(), rule.event(), rule.where(), rule.points(), rule.createdAt());
        return true;
    }

    @Override
    public List<PointRule> rules(PartnerId partnerId) {
        return Sql.list(RULE + " where partner_id = ? order by created_at, id", PostgresPointStore::rule,
                partnerId.value());
    }

    @Override
    public Optional<PointRule> findRule(PartnerId partnerId, PointRuleId id) {
        return Sql.first(RULE + " where partner_id = ? and id = ?", PostgresPointStore::rule, partnerId.value(),
                id.value());
    }

    @Override
    public boolean deleteRule(PartnerId partnerId, PointRuleId id) {
        return Sql.update("delete from point_rules where partner_id = ? and id = ?", partnerId.value(),
                id.value()) == 1;
    }

    @Override
    public void earnAll(List<PointEntry> entries) {
        // batch: one statement per entry; balances locked in one order (partner, user) whoever writes
        List<PointEntry> ordered = entries.stream().sorted(Comparator.comparing((PointEntry e) -> e.partnerId().value())
                .thenComparing(PointEntry::userId)).toList();
        Sql.batch(EARN, ordered.stream().map(entry -> new Object[] {entry.id(), entry.partnerId().value(),
                entry.userId(), entry.points(), entry.ruleId().value(), entry.eventId(), entry.at()}).toList());
    }

    @Override
    public OptionalLong spend(PointEntry spend) {
        // conditional update: the balance moves only if it holds the points; concurrent spends queue on the row
        Optional<Long> after = Sql.first("update point_balances set balance = balance - ? where partner_id = ?"
                        + " and user_id = ? and balance >= ? returning balance", row -> row.getLong("balance"),
                -spend.points(), spend.partnerId().value(), spend.userId(), -spend.points());
        if (after.isEmpty()) {
            return OptionalLong.empty();
        }
        Sql.insert("point entry " + spend.id(), "insert into point_entries (id, partner_id, user_id, points, reason,"
                        + " at) values (?, ?, ?, ?, ?, ?)", spend.id(), spend.partnerId().value(), spend.userId(),
                spend.points(), spend.reason(), spend.at());
        return OptionalLong.of(after.get());
    }

    @Override
    public long balance(PartnerId partnerId, String userId) {
        return Sql.first("select balance from point_balances where partner_id = ? and user_id = ?",
                row -> row.getLong("balance"), partnerId.value(), userId).orElse(0L);
    }

    @Override
    public Page<PointEntry> entries(PartnerId partnerId, String userId, PageRequest page) {
        String select = "select id, seq, partner_id, user_id, points, rule_id, event_id, reason, at from point_entries"
                + " where partner_id = ? and user_id = ?";
        List<Row> rows = page.after() == null
                ? Sql.list(select + " order by seq desc limit ?", PostgresPointStore::row, partnerId.value(), userId,
                page.limit() + 1)
                : Sql.list(select + " and seq < ? order by seq desc limit ?", PostgresPointStore::row,
                partnerId.value(), userId, cursor(page.after()), page.limit() + 1);
        boolean more = rows.size() > page.limit();
        List<Row> kept = more ? rows.subList(0, page.limit()) : rows;
        return new Page<>(kept.stream().map(Row::entry).toList(),
                more ? Long.toString(kept.get(kept.size() - 1).seq()) : null);
    }

    private record Row(PointEntry entry, long seq) {
    }

    private static long cursor(String after) {
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("after", "after is the next cursor of a previous page");
        }
    }

    private static Row row(ResultSet row) throws SQLException {
        String rule = row.getString("rule_id");
        return new Row(new PointEntry(row.getString("id"), new PartnerId(row.getString("partner_id")),
                row.getString("user_id"), row.getLong("points"), rule == null ? null : new PointRuleId(rule),
                row.getString("event_id"), row.getString("reason"), Sql.instant(row, "at")), row.getLong("seq"));
    }

    private static PointRule rule(ResultSet row) throws SQLException {
        return new PointRule(new PointRuleId(row.getString("id")), new PartnerId(row.getString("partner_id")),
                row.getString("name"), row.getString("event"), row.getString("condition"), row.getString("points"),
                Sql.instant(row, "created_at"));
    }
}
