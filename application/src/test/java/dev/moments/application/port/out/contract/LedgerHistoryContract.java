package dev.moments.application.port.out.contract;

import static dev.moments.domain.fixtures.MomentBuilder.aMoment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.port.LedgerEntry.Kind;
import dev.moments.application.port.LedgerEntry;
import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.StatementLine;
import dev.moments.application.port.out.BudgetLedger;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.Partner;
import dev.moments.domain.shared.InvalidValueException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@code LedgerHistory} must do. Entries are made through the {@code BudgetLedger} port of the same
 * implementation, so the history reads back exactly what the ledger wrote.
 */
public abstract class LedgerHistoryContract extends ContractSupport {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    // -- writing through the BudgetLedger port (the only place that knows its signatures) --

    private Moment givenMomentOpenedAt(Partner partner, String total, Instant at) {
        var reward = givenReward(partner);
        Moment moment = aMoment().id(unique("mom_")).partner(partner.id()).rewards(reward.id()).build();
        txRun(() -> {
            ports().moments().insert(moment);
            ports().ledger().open(Budget.open(moment.id(), usd(total), null, usd("10.00")), at);
        });
        return moment;
    }

    private Moment givenMomentNamed(Partner partner, String name) {
        var reward = givenReward(partner);
        Moment moment = aMoment().id(unique("mom_")).partner(partner.id()).name(name).rewards(reward.id()).build();
        txRun(() -> {
            ports().moments().insert(moment);
            ports().ledger().open(Budget.open(moment.id(), usd("100.00"), null, usd("10.00")), AT);
        });
        return moment;
    }

    private AwardId reserve(MomentId moment, String amount, Instant at) {
        AwardId award = new AwardId(unique("awd_"));
        BudgetLedger.Reservation outcome = tx(() -> ports().ledger().reserve(moment, usd(amount), award, at,
                LocalDate.ofInstant(at, ZoneOffset.UTC)));
        assertThat(outcome).isEqualTo(BudgetLedger.Reservation.RESERVED);
        return award;
    }

    private void release(MomentId moment, AwardId award, String amount, Instant reservedAt, Instant at) {
        txRun(() -> ports().ledger().release(moment, award, usd(amount), LocalDate.ofInstant(reservedAt,
                ZoneOffset.UTC), at));
    }

    private void settle(MomentId moment, AwardId award, String reservation, String cost, Instant reservedAt,
                        Instant at) {
        txRun(() -> ports().ledger().settle(moment, award, usd(reservation), usd(cost),
                LocalDate.ofInstant(reservedAt, ZoneOffset.UTC), at));
    }

    private void topUp(MomentId moment, String amount, Instant at) {
        txRun(() -> ports().ledger().topUp(moment, usd(amount), at));
    }

    // -- reading through the LedgerHistory port --

    private Page<LedgerEntry> entries(Partner partner, MomentId moment, int limit, String after) {
        return tx(() -> ports().history().entries(partner.id(), moment, new PageRequest(limit, after)));
    }

    private List<LedgerEntry> allEntries(Partner partner, MomentId moment) {
        return entries(partner, moment, PageRequest.MAX_LIMIT, null).items();
    }

    private List<StatementLine> statement(Partner partner, YearMonth month) {
        return tx(() -> ports().history().statement(partner.id(), month));
    }

    @Test
    void aMomentsEntriesComeOldestFirstWithTheirKindsAmountsAwardsAndTimes() {
        Partner partner = givenPartner();
        Moment moment = givenMoment(partner);
        Moment other = givenMoment(partner);
        AwardId first = reserve(moment.id(), "10.00", AT.plusSeconds(60));
        reserve(other.id(), "10.00", AT.plusSeconds(61));
        AwardId second = reserve(moment.id(), "10.00", AT.plusSeconds(120));
        topUp(moment.id(), "50.00", AT.plusSeconds(180));

        Page<LedgerEntry> page = entries(partner, moment.id(), 50, null);

        assertThat(page.next()).isNull();
        assertThat(page.items()).extracting(LedgerEntry::kind)
                .containsExactly(Kind.TOP_UP, Kind.RESERVE, Kind.RESERVE, Kind.TOP_UP);
        assertThat(page.items()).extracting(LedgerEntry::amount)
                .containsExactly(usd("100.00"), usd("10.00"), usd("10.00"), usd("50.00"));
        assertThat(page.items()).extracting(LedgerEntry::awardId).containsExactly(null, first, second, null);
        assertThat(page.items()).extracting(LedgerEntry::at)
                .containsExactly(AT, AT.plusSeconds(60), AT.plusSeconds(120), AT.plusSeconds(180));
        assertThat(page.items()).extracting(LedgerEntry::momentId).containsOnly(moment.id());
        assertThat(page.items()).extracting(LedgerEntry::sequence).isSortedAccordingTo(Comparator.naturalOrder())
                .doesNotHaveDuplicates();
        assertThat(page.items().get(0).amount().amount().scale()).isEqualTo(2);
    }

    @Test
    void releasesAndSettlesAreEntriesOfTheirAward() {
        Partner partner = givenPartner();
        Moment moment = givenMoment(partner);
        AwardId cancelled = reserve(moment.id(), "10.00", AT);
        release(moment.id(), cancelled, "10.00", AT, AT.plusSeconds(10));
        AwardId claimed = reserve(moment.id(), "10.00", AT.plusSeconds(20));
        settle(moment.id(), claimed, "10.00", "4.00", AT.plusSeconds(20), AT.plusSeconds(30));

        List<LedgerEntry> entries = allEntries(partner, moment.id());

        assertThat(entries).extracting(LedgerEntry::kind).containsExactly(Kind.TOP_UP, Kind.RESERVE, Kind.RELEASE,
                Kind.RESERVE, Kind.SETTLE, Kind.RELEASE);
        assertThat(entries).extracting(LedgerEntry::awardId)
                .containsExactly(null, cancelled, cancelled, claimed, claimed, claimed);
        assertThat(entries).extracting(LedgerEntry::amount).containsExactly(usd("100.00"), usd("10.00"),
                usd("10.00"), usd("10.00"), usd("4.00"), usd("6.00"));
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        Partner partner = givenPartner();
        Moment moment = givenMoment(partner);
        Moment other = givenMoment(partner);
        for (int i = 1; i <= 6; i++) {
            reserve(moment.id(), "10.00", AT.plusSeconds(i));
            reserve(other.id(), "10.00", AT.plusSeconds(i)); // interleaved entries of another moment
        }
        List<LedgerEntry> all = allEntries(partner, moment.id());
        assertThat(all).hasSize(7);

        List<LedgerEntry> paged = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String after = null;
        do {
            Page<LedgerEntry> page = entries(partner, moment.id(), 3, after);
            paged.addAll(page.items());
            sizes.add(page.items().size());
            after = page.next();
        } while (after != null && sizes.size() < 10);

        assertThat(sizes).containsExactly(3, 3, 1);
        assertThat(paged).isEqualTo(all);
        assertThat(paged).extracting(LedgerEntry::sequence).doesNotHaveDuplicates();
    }

    @Test
    void aPageThatEndsTheListHasNoNextCursor() {
        Partner partner = givenPartner();
        Moment moment = givenMoment(partner);
        reserve(moment.id(), "10.00", AT);

        Page<LedgerEntry> first = entries(partner, moment.id(), 1, null);
        assertThat(first.items()).hasSize(1);
        assertThat(first.next()).isEqualTo(Long.toString(first.items().get(0).sequence()));

        Page<LedgerEntry> second = entries(partner, moment.id(), 1, first.next());
        assertThat(second.items()).extracting(LedgerEntry::kind).containsExactly(Kind.RESERVE);
        assertThat(second.next()).isNull();

        assertThat(entries(partner, moment.id(), 2, null).next()).isNull();
    }

    @Test
    void aCursorThatIsNotASequenceIsRefused() {
        Partner partner = givenPartner();
        Moment moment = givenMoment(partner);

        assertThatThrownBy(() -> entries(partner, moment.id(), 10, "mom_abc"))
                .isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).field()).isEqualTo("after"));
        assertThatThrownBy(() -> entries(partner, moment.id(), 10, "-1"))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void anotherPartnerSeesNothing() {
        Partner owner = givenPartner();
        Partner stranger = givenPartner();
        Moment moment = givenMoment(owner);
        reserve(moment.id(), "10.00", AT);

        Page<LedgerEntry> page = entries(stranger, moment.id(), 50, null);
        assertThat(page.items()).isEmpty();
        assertThat(page.next()).isNull();
        assertThat(statement(stranger, NOVEMBER)).isEmpty();
        assertThat(entries(owner, new MomentId(unique("mom_")), 50, null).items()).isEmpty();
    }

    @Test
    void aStatementHasOneLinePerMomentWithEntriesInTheUtcMonth() {
        Partner partner = givenPartner();
        Moment busy = givenMomentNamed(partner, "Busy, \"quoted\" moment");
        Moment quiet = givenMomentNamed(partner, "Quiet moment");
        Moment october = givenMomentOpenedAt(partner, "50.00", Instant.parse("2026-10-15T12:00:00Z"));
        Moment strangers = givenMoment(givenPartner());
        reserve(strangers.id(), "10.00", AT);

        reserve(busy.id(), "10.00", Instant.parse("2026-10-31T23:59:59.999999Z")); // October
        reserve(busy.id(), "10.00", Instant.parse("2026-11-01T00:00:00Z"));
        Instant lastMicrosecond = Instant.parse("2026-11-30T23:59:59.999999Z");
        AwardId cancelled = reserve(busy.id(), "10.00", lastMicrosecond);
        release(busy.id(), cancelled, "10.00", lastMicrosecond, lastMicrosecond);
        AwardId claimed = reserve(busy.id(), "10.00", AT);
        settle(busy.id(), claimed, "10.00", "4.00", AT, AT.plusSeconds(60));
        reserve(busy.id(), "10.00", Instant.parse("2026-12-01T00:00:00Z")); // December
        topUp(busy.id(), "25.00", AT);
        reserve(quiet.id(), "10.00", AT);

        List<MomentId> ids = new ArrayList<>(List.of(busy.id(), quiet.id()));
        ids.sort(Comparator.comparing(MomentId::value));
        List<StatementLine> november = statement(partner, NOVEMBER);

        assertThat(november).extracting(StatementLine::momentId).containsExactlyElementsOf(ids);
        StatementLine busyLine = line(november, busy.id());
        assertThat(busyLine).isEqualTo(new StatementLine(busy.id(), "Busy, \"quoted\" moment", 3, usd("30.00"),
                usd("16.00"), usd("4.00"), usd("14.00")));
        assertThat(line(november, quiet.id())).isEqualTo(new StatementLine(quiet.id(), "Quiet moment", 1,
                usd("10.00"), usd("0.00"), usd("0.00"), usd("10.00")));

        List<StatementLine> octoberLines = statement(partner, YearMonth.of(2026, 10));
        List<MomentId> octoberIds = new ArrayList<>(List.of(busy.id(), october.id()));
        octoberIds.sort(Comparator.comparing(MomentId::value));
        assertThat(octoberLines).extracting(StatementLine::momentId).containsExactlyElementsOf(octoberIds);
        assertThat(line(octoberLines, october.id())).isEqualTo(new StatementLine(october.id(), october.name(), 0,
                usd("0.00"), usd("0.00"), usd("0.00"), usd("0.00")));
        assertThat(line(octoberLines, busy.id()).reserved()).isEqualTo(usd("10.00"));

        List<StatementLine> december = statement(partner, YearMonth.of(2026, 12));
        assertThat(december).extracting(StatementLine::momentId).containsExactly(busy.id());
        assertThat(december.get(0).actionsPaid()).isEqualTo(1);
        assertThat(statement(partner, YearMonth.of(2027, 1))).isEmpty();
    }

    private static StatementLine line(List<StatementLine> lines, MomentId moment) {
        return lines.stream().filter(line -> line.momentId().equals(moment)).findFirst().orElseThrow();
    }
}
