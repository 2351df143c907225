package dev.moments.application.port.out;

import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts and sums a moment's report is computed from, read from what the events left behind (the users' progress and
 * reach, the completions, the awards, the ledger, the users' last-seen times), never from the events themselves.
 */
public interface ReportFigures {

    /**
     * The figures of one of the partner's moments over a period.
     *
     * @param daily whether to read the daily series too
     */
    Figures read(PartnerId partnerId, MomentId momentId, Period period, boolean daily);

    /**
     * Calendar days of a moment's time zone, {@code [from, until)} as instants, read at {@code now} (the retention
     * of a user counts once their reach is old enough).
     */
    record Period(LocalDate firstDay, LocalDate lastDay, ZoneId zone, Instant now) {

        public Period {
            Objects.requireNonNull(firstDay, "firstDay");
            Objects.requireNonNull(lastDay, "lastDay");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(now, "now");
        }

        public Instant from() {
            return firstDay.atStartOfDay(zone).toInstant();
        }

        public Instant until() {
            return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
        }

        /** Users reached at or before this instant are old enough to tell their retention after {@code days}. */
        public Instant maturedBy(int days) {
            return now.minus(Duration.ofDays(days));
        }
    }

    /**
     * What happened in the period.
     *
     * @param completions completions logged in the period, both arms
     * @param awards awards earned in the period (not test ones), and of them those {@code claimed} (whatever became of
     *               the delivery since), {@code fulfilled} and {@code expired}
     * @param spend settled in the period less refunded in it
     * @param reserved still held for the period's unclaimed awards
     * @param treatment the arm of users who reached the moment in the period and may be paid
     * @param control the arm of users held out
     * @param daily one entry per day of the period, in order (empty unless asked)
     * @param variants for a moment with variants, the treatment arm split by the variant its users were given, with
     *                 the money of each variant's awards, by variant name (empty without variants)
     */
    record Figures(long completions, long awards, long claimed, long fulfilled, long expired,
                   BigDecimal spend, BigDecimal reserved, Arm treatment, Arm control, List<Day> daily,
                   Map<String, VariantFigures> variants) {

        public Figures {
            daily = List.copyOf(daily);
            variants = Map.copyOf(variants);
        }

        /** The figures of a moment without variants. */
        public Figures(long completions, long awards, long claimed, long fulfilled, long expired,
                       BigDecimal spend, BigDecimal reserved, Arm treatment, Arm control, List<Day> daily) {
            this(completions, awards, claimed, fulfilled, expired, spend, reserved, treatment, control, daily,
                    Map.of());
        }
    }

    /**
     * One variant's share of the treatment arm, and the money of its awards as {@link Figures} counts the moment's.
     *
     * @param spend settled in the period less refunded in it, for the variant's awards
     * @param reserved still held for the variant's unclaimed awards of the period
     */
    record VariantFigures(Arm arm, BigDecimal spend, BigDecimal reserved) {
    }

    /**
     * The users of one arm who reached the moment in the period.
     *
     * @param users how many
     * @param progressed of them, those with an event that counted towards the trigger
     * @param completed of them, those who completed the trigger at least once
     * @param awarded of them, those with an award, {@code claimed} one, had one {@code fulfilled}
     * @param maturedD7 of them, those reached at least 7 days before now, and of those {@code retainedD7} the ones
     *                  seen 7 or more days after their reach; the same for 30 days
     * @param revenue the sum of their revenue since their reach, and {@code revenueSquares} the sum of its squares
     */
    record Arm(long users, long progressed, long completed, long awarded, long claimed, long fulfilled,
               long maturedD7, long retainedD7, long maturedD30, long retainedD30,
               BigDecimal revenue, BigDecimal revenueSquares) {

        public static final Arm EMPTY = new Arm(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);

        /** The two groups of users as one: every figure is a count or a sum. */
        public Arm plus(Arm other) {
            return new Arm(users + other.users, progressed + other.progressed, completed + other.completed,
                    awarded + other.awarded, claimed + other.claimed, fulfilled + other.fulfilled,
                    maturedD7 + other.maturedD7, retainedD7 + other.retainedD7, maturedD30 + other.maturedD30,
                    retainedD30 + other.retainedD30, revenue.add(other.revenue),
                    revenueSquares.add(other.revenueSquares));
        }
    }

    /** One day: completions logged, awards earned, and money settled less refunded. */
    record Day(LocalDate date, long completions, long awards, BigDecimal spend) {
    }
}
