package dev.moments.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.domain.partner.Partner;
import dev.moments.domain.points.PointEntry;
import dev.moments.domain.points.PointRule;
import dev.moments.domain.points.PointRuleId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@code PointStore} must do. */
public abstract class PointStoreContract extends ContractSupport {

    @Test
    void anEventEarnsByARuleOnce_andTheBalanceIsTheSumOfWhatWasWritten() {
        Partner partner = givenPartner();
        PointRule rule = givenRule(partner, "app.opened");
        PointRule other = givenRule(partner, "app.opened");

        txRun(() -> ports().points().earnAll(List.of(earned(rule, "u-1", "evt-1", 10),
                earned(other, "u-1", "evt-1", 5))));
        txRun(() -> ports().points().earnAll(List.of(earned(rule, "u-1", "evt-1", 10))));
        txRun(() -> ports().points().earnAll(List.of(earned(rule, "u-1", "evt-2", 7))));

        assertThat(tx(() -> ports().points().balance(partner.id(), "u-1"))).isEqualTo(22);
        assertThat(tx(() -> ports().points().balance(partner.id(), "u-2"))).isZero();
        assertThat(tx(() -> ports().points().balance(givenPartner().id(), "u-1"))).isZero();
    }

    @Test
    void aSpendTakesOnlyWhatTheBalanceHolds_andIsWrittenAsANegativeEntry() {
        Partner partner = givenPartner();
        PointRule rule = givenRule(partner, "order.completed");
        txRun(() -> ports().points().earnAll(List.of(earned(rule, "u-1", "evt-1", 30))));

        assertThat(tx(() -> ports().points().spend(spent(partner, "u-1", 20))).getAsLong()).isEqualTo(10);
        assertThat(tx(() -> ports().points().spend(spent(partner, "u-1", 11)))).isEmpty();
        assertThat(tx(() -> ports().points().spend(spent(partner, "u-1", 10))).getAsLong()).isZero();
        assertThat(tx(() -> ports().points().spend(spent(partner, "u-nobody", 1)))).isEmpty();

        assertThat(tx(() -> ports().points().entries(partner.id(), "u-1", new PageRequest(10, null))).items())
                .extracting(PointEntry::points).containsExactly(-10L, -20L, 30L);
    }

    @Test
    void entriesComeNewestFirst_pageByPage_forTheirUserAndPartnerOnly() {
        Partner partner = givenPartner();
        PointRule rule = givenRule(partner, "app.opened");
        for (int i = 1; i <= 3; i++) {
            String event = "evt-" + i;
            long points = i;
            txRun(() -> ports().points().earnAll(List.of(earned(rule, "u-1", event, points))));
        }
        txRun(() -> ports().points().earnAll(List.of(earned(rule, "u-2", "evt-9", 9))));

        Page<PointEntry> first = tx(() -> ports().points().entries(partner.id(), "u-1", new PageRequest(2, null)));
        Page<PointEntry> second = tx(() -> ports().points().entries(partner.id(), "u-1",
                new PageRequest(2, first.next())));

        assertThat(first.items()).extracting(PointEntry::eventId).containsExactly("evt-3", "evt-2");
        assertThat(second.items()).extracting(PointEntry::eventId).containsExactly("evt-1");
        assertThat(second.next()).isNull();
        assertThat(tx(() -> ports().points().entries(givenPartner().id(), "u-1", new PageRequest(10, null)))
                .items()).isEmpty();
    }

    @Test
    void aPartnerKeepsAtMostTheMostRules() {
        Partner partner = givenPartner();
        givenRule(partner, "a");
        givenRule(partner, "b");
        PointRule third = new PointRule(new PointRuleId(unique("prl_")), partner.id(), "Third", "c", null, "1", AT);

        assertThat(tx(() -> ports().points().insertRule(third, 2))).isFalse();
        assertThat(tx(() -> ports().points().rules(partner.id()))).hasSize(2);
        assertThat(tx(() -> ports().points().insertRule(third, 3))).isTrue();
    }

    @Test
    void rulesArePerPartner_oldestFirst_andDeletedOnlyByTheirPartner() {
        Partner partner = givenPartner();
        Partner other = givenPartner();
        PointRule first = givenRule(partner, "a");
        PointRule second = givenRule(partner, "b");

        assertThat(tx(() -> ports().points().rules(partner.id()))).containsExactly(first, second);
        assertThat(tx(() -> ports().points().findRule(other.id(), first.id()))).isEmpty();
        assertThat(tx(() -> ports().points().deleteRule(other.id(), first.id()))).isFalse();
        assertThat(tx(() -> ports().points().deleteRule(partner.id(), first.id()))).isTrue();
        assertThat(tx(() -> ports().points().rules(partner.id()))).containsExactly(second);
    }

    private PointRule givenRule(Partner partner, String event) {
        PointRule rule = new PointRule(new PointRuleId(unique("prl_")), partner.id(), "Rule " + event, event, null,
                "10", AT.plusMillis(ruleCount++));
        assertThat(tx(() -> ports().points().insertRule(rule, PointRule.MAX_RULES_PER_PARTNER))).isTrue();
        return rule;
    }

    private int ruleCount;

    private static PointEntry earned(PointRule rule, String user, String event, long points) {
        return PointEntry.earned(unique("pte_"), rule, user, event, points, AT);
    }

    private static PointEntry spent(Partner partner, String user, long points) {
        return new PointEntry(unique("pte_"), partner.id(), user, -points, null, null, "a spend", AT);
    }
}
