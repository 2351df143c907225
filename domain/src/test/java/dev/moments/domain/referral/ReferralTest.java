package dev.moments.domain.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.domain.award.Refusal;
import dev.moments.domain.trigger.EventTrigger;
import dev.moments.domain.trigger.ReferralTrigger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who is referred by whom, and for how long a referral pays. */
class ReferralTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final ReferralTrigger THIRTY_DAYS = new ReferralTrigger(new EventTrigger("order.completed", null),
            Duration.ofDays(30), true);

    @Test
    void anEventNamesAReferralOnlyWithAnotherUsersId() {
        assertThat(Referral.named("bob", "ann", AT)).contains(new Referral("bob", "ann", AT));
        assertThat(Referral.named("bob", "bob", AT)).as("self-referral").isEmpty();
        assertThat(Referral.named("bob", "", AT)).isEmpty();
        assertThat(Referral.named("bob", null, AT)).isEmpty();
        assertThat(Referral.named("bob", List.of("ann"), AT)).isEmpty();
        assertThatThrownBy(() -> new Referral("bob", "bob", AT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReferralPaysUntilItsWindowEndsInclusive_orForeverWithoutOne() {
        Referral referral = new Referral("bob", "ann", AT);

        assertThat(referral.expiresAt(THIRTY_DAYS)).isEqualTo(AT.plus(Duration.ofDays(30)));
        assertThat(referral.expiredAt(THIRTY_DAYS, AT.plus(Duration.ofDays(30)))).isEmpty();
        assertThat(referral.expiredAt(THIRTY_DAYS, AT.plus(Duration.ofDays(30)).plusMillis(1)))
                .contains(Refusal.REFERRAL_EXPIRED);
        ReferralTrigger forever = new ReferralTrigger(THIRTY_DAYS.of(), null, false);
        assertThat(referral.expiresAt(forever)).isNull();
        assertThat(referral.expiredAt(forever, AT.plus(Duration.ofDays(3650)))).isEmpty();
    }

    @Test
    void theReferrerIsPaid_andTheRefereeWhenTheMomentRewardsThemToo() {
        Referral referral = new Referral("bob", "ann", AT);
        assertThat(referral.payee(false)).isEqualTo("ann");
        assertThat(referral.payee(true)).isEqualTo("bob");
    }
}
