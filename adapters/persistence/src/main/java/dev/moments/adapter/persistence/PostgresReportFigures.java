package dev.moments.adapter.persistence;

import dev.moments.application.port.out.ReportFigures;
import dev.moments.application.port.out.ReportFigures.VariantFigures;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a moment's report figures with a handful of aggregate statements over indexed tables — its reached users
 * ({@code user_progress}, by reach time), their last-seen times, its awards (by the time earned), its completions
 * and its ledger entries (both by time) — and never over the events themselves, so a report costs the same whatever
 * the traffic. Every statement is scoped by the partner where its table holds one.
 */
@ApplicationScoped
@StoreOutages
public class PostgresReportFigures implements ReportFigures {

    /** Statuses of an award that was claimed, whatever became of its delivery since. */
    private static final String CLAIMED = "('CLAIMED', 'FULFILLING', 'FULFILLED', 'FAILED')";

    @Override
    public Figures read(PartnerId partnerId, MomentId momentId, Period period, boolean daily) {
        String partner = partnerId.value();
        String moment = momentId.value();
        Instant from = period.from();
        Instant until = period.until();
        Map<Boolean, Arm> arms = new HashMap<>();
        Map<String, Arm> variantArms = new HashMap<>();
        arms(partner, moment, period, arms, variantArms);
        // report: the period's awards by status, and what is still reserved for them
        Object[] awards = Sql.first("select count(*), count(*) filter (where status in " + CLAIMED + "),"
                        + " count(*) filter (where status = 'FULFILLED'), count(*) filter (where status = 'EXPIRED'),"
                        + " coalesce(sum(reserved) filter (where status in ('EARNED', 'PENDING_REVIEW')), 0)"
                        + " from awards where moment_id = ? and partner_id = ? and not test"
                        + " and earned_at >= ? and earned_at < ?",
                row -> new Object[] {row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4),
                    row.getBigDecimal(5)},
                moment, partner, from, until).orElseThrow();
        // report: the money settled in the period, less what failed deliveries gave back in it
        BigDecimal spend = Sql.first("select coalesce(sum(l.amount) filter (where l.kind = 'SETTLE'), 0)"
                        + " - coalesce(sum(l.amount) filter (where l.kind = 'REFUND'), 0)"
                        + " from budget_ledger l join moments m on m.id = l.moment_id and m.partner_id = ?"
                        + " where l.moment_id = ? and l.occurred_at >= ? and l.occurred_at < ?",
                row -> row.getBigDecimal(1), partner, moment, from, until).orElseThrow();
        // report: the completions logged in the period
        long completions = Sql.first("select count(*) from completions"
                        + " where moment_id = ? and partner_id = ? and occurred_at >= ? and occurred_at < ?",
                row -> row.getLong(1), moment, partner, from, until).orElseThrow();
        return new Figures(completions, (long) awards[0], (long) awards[1], (long) awards[2], (long) awards[3],
                spend, (BigDecimal) awards[4], arms.getOrDefault(false, Arm.EMPTY), arms.getOrDefault(true, Arm.EMPTY),
                daily ? daily(partner, moment, period) : List.of(),
                variantArms.isEmpty() ? Map.of() : variants(partner, moment, period, variantArms));
    }

    /** The money of each variant's awards of the period, as {@link #read} counts the moment's. */
    private static Map<String, VariantFigures> variants(String partner, String moment, Period period,
                                                        Map<String, Arm> arms) {
        Map<String, BigDecimal> reserved = new HashMap<>();
        // report: what is still reserved for the period's unclaimed awards, by variant
        Sql.list("select variant, coalesce(sum(reserved) filter (where status in ('EARNED', 'PENDING_REVIEW')), 0)"
                        + " from awards where moment_id = ? and partner_id = ? and not test and variant is not null"
                        + " and earned_at >= ? and earned_at < ? group by variant",
                row -> reserved.put(row.getString(1), row.getBigDecimal(2)), moment, partner, period.from(),
                period.until());
        Map<String, BigDecimal> spend = new HashMap<>();
        // report: the money settled in the period less refunds, by the variant of the award it was for
        Sql.list("select a.variant, coalesce(sum(l.amount) filter (where l.kind = 'SETTLE'), 0)"
                        + " - coalesce(sum(l.amount) filter (where l.kind = 'REFUND'), 0)"
                        + " from budget_ledger l join awards a on a.id = l.award_id and a.partner_id = ?"
                        + " where l.moment_id = ? and l.occurred_at >= ? and l.occurred_at < ?"
                        + " and a.variant is not null group by a.variant",
                row -> spend.put(row.getString(1), row.getBigDecimal(2)), partner, moment, period.from(),
                period.until());
        Map<String, VariantFigures> variants = new HashMap<>();
        Set<String> names = new HashSet<>(arms.keySet());
        names.addAll(reserved.keySet());
        names.addAll(spend.keySet());
        for (String name : names) {
            variants.put(name, new VariantFigures(arms.getOrDefault(name, Arm.EMPTY),
                    spend.getOrDefault(name, BigDecimal.ZERO), reserved.getOrDefault(name, BigDecimal.ZERO)));
        }
        return variants;
    }

    /**
     * The users who reached the moment in the period, per arm (holdout true: control), and the treatment arm's users
     * per variant, for a moment with variants.
     */
    private static void arms(String partner, String moment, Period period, Map<Boolean, Arm> arms,
                             Map<String, Arm> variants) {
        // report: the cohort of the period with its awards (a hash join of the moment's awards by the user who
        // completed: a referral's awards by their referee) and last-seen times; the funnel, the arms, retention and
        // revenue in one pass
        Sql.list("select p.holdout, p.variant, count(*) as users,"
                        + " count(*) filter (where p.progressed_at is not null) as progressed,"
                        + " count(*) filter (where coalesce(cast(p.state ->> 'c' as integer), 0) > 0) as completed,"
                        + " count(w.user_id) as awarded,"
                        + " count(*) filter (where w.claimed) as claimed,"
                        + " count(*) filter (where w.fulfilled) as fulfilled,"
                        + " count(*) filter (where p.reached_at <= ?) as matured7,"
                        + " count(*) filter (where p.reached_at <= ?"
                        + "   and a.last_seen_at >= p.reached_at + interval '7 days') as retained7,"
                        + " count(*) filter (where p.reached_at <= ?) as matured30,"
                        + " count(*) filter (where p.reached_at <= ?"
                        + "   and a.last_seen_at >= p.reached_at + interval '30 days') as retained30,"
                        + " coalesce(sum(p.revenue), 0) as revenue,"
                        + " coalesce(sum(p.revenue * p.revenue), 0) as revenue_squares"
                        + " from user_progress p"
                        + " left join user_activity a on a.partner_id = p.partner_id and a.user_id = p.user_id"
                        + " left join (select coalesce(referee, user_id) as user_id,"
                        + "   bool_or(status in " + CLAIMED + ") as claimed, bool_or(status = 'FULFILLED') as fulfilled"
                        + "   from awards where moment_id = ? and partner_id = ? and not test group by 1) w"
                        + "   on w.user_id = p.user_id"
                        + " where p.moment_id = ? and p.partner_id = ? and p.reached_at >= ? and p.reached_at < ?"
                        + " group by p.holdout, p.variant",
                row -> {
                    Arm arm = arm(row);
                    boolean holdout = row.getBoolean("holdout");
                    arms.merge(holdout, arm, Arm::plus);
                    String variant = row.getString("variant");
                    if (!holdout && variant != null) {
                        variants.merge(variant, arm, Arm::plus);
                    }
                    return null;
                },
                period.maturedBy(7), period.maturedBy(7), period.maturedBy(30), period.maturedBy(30),
                moment, partner, moment, partner, period.from(), period.until());
    }

    private static Arm arm(ResultSet row) throws SQLException {
        return new Arm(row.getLong("users"), row.getLong("progressed"), row.getLong("completed"),
                row.getLong("awarded"), row.getLong("claimed"), row.getLong("fulfilled"), row.getLong("matured7"),
                row.getLong("retained7"), row.getLong("matured30"), row.getLong("retained30"),
                row.getBigDecimal("revenue"), row.getBigDecimal("revenue_squares"));
    }

    /**
     * Every day of the period, zeros included. The days' bounds are worked out here, in the moment's time zone, and each
     * row falls in its day by {@code width_bucket} over them: PostgreSQL's own time zone names read a bare offset such as
     * {@code +02:00} the POSIX way, backwards, and its calendar need not be Java's. The bounds are a subquery, run once:
     * a cast of the parameter in the expression itself would parse every bound again for every row.
     */
    private static List<Day> daily(String partner, String moment, Period period) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = period.firstDay(); !day.isAfter(period.lastDay()); day = day.plusDays(1)) {
            days.add(day);
        }
        String[] bounds = new String[days.size() + 1];
        for (int i = 0; i < days.size(); i++) {
            bounds[i] = days.get(i).atStartOfDay(period.zone()).toInstant().toString();
        }
        bounds[days.size()] = period.until().toString();
        long[] completions = new long[days.size()];
        // report: completions per day of the moment's time zone
        Sql.list("select width_bucket(occurred_at, (select cast(? as timestamptz[]))), count(*) from completions"
                        + " where moment_id = ? and partner_id = ? and occurred_at >= ? and occurred_at < ? group by 1",
                row -> completions[row.getInt(1) - 1] = row.getLong(2),
                bounds, moment, partner, period.from(), period.until());
        long[] awards = new long[days.size()];
        // report: awards earned per day
        Sql.list("select width_bucket(earned_at, (select cast(? as timestamptz[]))), count(*) from awards"
                        + " where moment_id = ? and partner_id = ? and not test and earned_at >= ? and earned_at < ?"
                        + " group by 1",
                row -> awards[row.getInt(1) - 1] = row.getLong(2),
                bounds, moment, partner, period.from(), period.until());
        BigDecimal[] spend = new BigDecimal[days.size()];
        // report: money settled less refunded per day
        Sql.list("select width_bucket(l.occurred_at, (select cast(? as timestamptz[]))),"
                        + " coalesce(sum(l.amount) filter (where l.kind = 'SETTLE'), 0)"
                        + " - coalesce(sum(l.amount) filter (where l.kind = 'REFUND'), 0)"
                        + " from budget_ledger l join moments m on m.id = l.moment_id and m.partner_id = ?"
                        + " where l.moment_id = ? and l.occurred_at >= ? and l.occurred_at < ? group by 1",
                row -> spend[row.getInt(1) - 1] = row.getBigDecimal(2),
                bounds, partner, moment, period.from(), period.until());
        List<Day> series = new ArrayList<>(days.size());
        for (int i = 0; i < days.size(); i++) {
            series.add(new Day(days.get(i), completions[i], awards[i], spend[i] == null ? BigDecimal.ZERO : spend[i]));
        }
        return series;
    }
}
