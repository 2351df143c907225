package dev.moments.domain.award;

import static dev.moments.domain.fixtures.Fixtures.NOW;
import static dev.moments.domain.fixtures.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.domain.budget.Budget;
import dev.moments.domain.fixtures.MomentBuilder;
import dev.moments.domain.moment.Limits;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.moment.Schedule;
import dev.moments.domain.referral.Referral;
import dev.moments.domain.shared.Money;
import dev.moments.domain.trigger.EventTrigger;
import dev.moments.domain.trigger.Match;
import dev.moments.domain.trigger.ReferralTrigger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The award policies one by one, their order, and what a refusal does to the user's progress. */
class AwardPolicyTest {

    /** A completion everyone would pay, unless a test changes one of its facts. */
    private static class Facts implements Candidate {
        Moment moment = MomentBuilder.aMoment().status(MomentStatus.LIVE).build();
        Instant completedAt = NOW;
        boolean testUser;
        boolean inAudience = true;
        int awardsOfUser;
        Instant lastAward;
        String deviceId;
        int awardsOnDevice;
        Budget budget = Budget.open(moment.id(), usd("100.00"), null, usd("10.00"));
        Money chargedToday = usd("0.00");
        Money monthlyRoom;
        Referral referral;
        boolean sharesDevice;
        boolean referralPaid;
        String ip;
        int awardsFromIp;
        Instant createdAt;
        boolean blocked;

        @Override
        public boolean blocked() {
            return blocked;
        }

        @Override
        public String ip() {
            return ip;
        }

        @Override
        public int awardsFromIp() {
            return awardsFromIp;
        }

        @Override
        public Optional<Instant> accountCreatedAt() {
            return Optional.ofNullable(createdAt);
        }

        @Override
        public Optional<Referral> referral() {
            return Optional.ofNullable(referral);
        }

        @Override
        public boolean referrerSharesDevice() {
            return sharesDevice;
        }

        @Override
        public boolean referralPaid() {
            return referralPaid;
        }

        @Override
        public Moment moment() {
            return moment;
        }

        @Override
        public Instant now() {
            return NOW;
        }

        @Override
        public Instant completedAt() {
            return completedAt;
        }

        @Override
        public String userId() {
            return "u-1";
        }

        @Override
        public String deviceId() {
            return deviceId;
        }

        @Override
        public boolean testUser() {
            return testUser;
        }

        @Override
        public boolean inAudience() {
            return inAudience;
        }

        @Override
        public int awardsOfUser() {
            return awardsOfUser;
        }

        @Override
        public Optional<Instant> lastAwardOfUser() {
            return Optional.ofNullable(lastAward);
        }

        @Override
        public int awardsOnDevice() {
            return awardsOnDevice;
        }

        @Override
        public Budget budget() {
            return budget;
        }

        @Override
        public Money chargedToday() {
            return chargedToday;
        }

        @Override
        public Optional<Money> monthlyRoom() {
            return Optional.ofNullable(monthlyRoom);
        }

        Facts with(MomentBuilder builder) {
            moment = builder.build();
            budget = Budget.open(moment.id(), budget.total(), budget.dailyCap(), budget.costPerAction());
            return this;
        }
    }

    private static MomentBuilder live() {
        return MomentBuilder.aMoment().status(MomentStatus.LIVE);
    }

    @Test
    void aCompletionThatBreaksNoRuleIsPaid() {
        assertThat(AwardPolicy.firstRefusal(new Facts())).isEmpty();
        assertThat(AwardPolicy.allRefusals(new Facts())).isEmpty();
    }

    @Test
    void eachRuleRefusesWithItsOwnReason() {
        Facts exhausted = new Facts().with(MomentBuilder.aMoment().status(MomentStatus.EXHAUSTED));
        assertThat(AwardPolicy.firstRefusal(exhausted)).contains(Refusal.BUDGET_EXHAUSTED);
        assertThat(AwardPolicy.firstRefusal(new Facts().with(MomentBuilder.aMoment().status(MomentStatus.PAUSED))))
                .contains(Refusal.NOT_LIVE);

        Facts late = new Facts().with(live().schedule(new Schedule(NOW.minus(Duration.ofDays(10)),
                NOW.minus(Duration.ofDays(1)), ZoneOffset.UTC)));
        assertThat(AwardPolicy.firstRefusal(late)).contains(Refusal.OUTSIDE_SCHEDULE);

        assertThat(AwardPolicy.firstRefusal(new Facts().with(MomentBuilder.aMoment().status(MomentStatus.TEST))))
                .contains(Refusal.TEST_USERS_ONLY);

        Facts outsider = new Facts();
        outsider.inAudience = false;
        assertThat(AwardPolicy.firstRefusal(outsider)).contains(Refusal.NOT_IN_AUDIENCE);

        Facts blocked = new Facts();
        blocked.blocked = true;
        assertThat(AwardPolicy.firstRefusal(blocked)).contains(Refusal.BLOCKED);
        assertThat(Refusal.BLOCKED.keepsProgress()).as("a blocked completion is used up").isFalse();

        Facts heldOut = new Facts().with(live().holdoutPercent(99).id("mom_held"));
        assertThat(heldOut.moment.holdsOut("u-1")).as("u-1 falls in the 99% control group of mom_held").isTrue();
        assertThat(AwardPolicy.firstRefusal(heldOut)).contains(Refusal.HOLDOUT);

        Facts repeat = new Facts();
        repeat.awardsOfUser = 1;
        assertThat(AwardPolicy.firstRefusal(repeat)).contains(Refusal.LIMIT_PER_USER);

        Facts soon = new Facts().with(live().limits(new Limits(5, null, Duration.ofDays(1), Duration.ZERO, null)));
        soon.awardsOfUser = 1;
        soon.lastAward = NOW.minus(Duration.ofHours(1));
        assertThat(AwardPolicy.firstRefusal(soon)).contains(Refusal.COOLDOWN);

        Facts shared = new Facts().with(live().limits(new Limits(1, 1, null, Duration.ZERO, null)));
        shared.deviceId = "phone";
        shared.awardsOnDevice = 1;
        assertThat(AwardPolicy.firstRefusal(shared)).contains(Refusal.LIMIT_PER_DEVICE);

        Facts capped = new Facts();
        capped.monthlyRoom = usd("9.99");
        assertThat(AwardPolicy.firstRefusal(capped)).contains(Refusal.MONTHLY_CAP);

        Facts spent = new Facts();
        spent.budget = Budget.open(spent.moment.id(), usd("5.00"), null, usd("10.00"));
        assertThat(AwardPolicy.firstRefusal(spent)).contains(Refusal.BUDGET_EXHAUSTED);

        Facts today = new Facts();
        today.budget = Budget.open(today.moment.id(), usd("100.00"), usd("20.00"), usd("10.00"));
        today.chargedToday = usd("10.01");
        assertThat(AwardPolicy.firstRefusal(today)).contains(Refusal.DAILY_CAP);
    }

    @Test
    void theFirstRefusalFollowsTheOrderOfTheList_andAnExplanationListsThemAll() {
        Facts everything = new Facts();
        everything.awardsOfUser = 1;
        everything.monthlyRoom = usd("0.00");
        everything.budget = Budget.open(everything.moment.id(), usd("5.00"), null, usd("10.00"));

        assertThat(AwardPolicy.firstRefusal(everything)).contains(Refusal.LIMIT_PER_USER);
        assertThat(AwardPolicy.allRefusals(everything))
                .containsExactly(Refusal.LIMIT_PER_USER, Refusal.MONTHLY_CAP, Refusal.BUDGET_EXHAUSTED);
    }

    @Test
    void whatTheUserCannotChange_isAnsweredBeforeTheMomentsStatus_asDirectAwardsAlwaysDid() {
        Facts pausedOutOfAudience = new Facts().with(MomentBuilder.aMoment().status(MomentStatus.PAUSED));
        pausedOutOfAudience.inAudience = false;
        assertThat(AwardPolicy.firstRefusal(pausedOutOfAudience)).contains(Refusal.NOT_IN_AUDIENCE);

        Facts draftNotYetScheduled = new Facts().with(MomentBuilder.aMoment().status(MomentStatus.DRAFT)
                .schedule(new Schedule(NOW.plus(Duration.ofDays(1)), null, ZoneOffset.UTC)));
        assertThat(AwardPolicy.firstRefusal(draftNotYetScheduled)).contains(Refusal.OUTSIDE_SCHEDULE);
        assertThat(AwardPolicy.allRefusals(draftNotYetScheduled))
                .containsExactly(Refusal.OUTSIDE_SCHEDULE, Refusal.NOT_LIVE);
    }

    @Test
    void anExplanationLeavesOutWhatCannotBeLiftedWhileAnotherRefusalStands() {
        Facts limitAndCooldown = new Facts().with(live().limits(new Limits(1, null, Duration.ofDays(1),
                Duration.ZERO, null)));
        limitAndCooldown.awardsOfUser = 1;
        limitAndCooldown.lastAward = NOW.minus(Duration.ofHours(1));
        assertThat(AwardPolicy.allRefusals(limitAndCooldown)).containsExactly(Refusal.LIMIT_PER_USER);

        Facts emptyAndCapped = new Facts();
        emptyAndCapped.budget = Budget.open(emptyAndCapped.moment.id(), usd("5.00"), usd("10.00"), usd("10.00"));
        emptyAndCapped.chargedToday = usd("10.00");
        assertThat(AwardPolicy.allRefusals(emptyAndCapped)).containsExactly(Refusal.BUDGET_EXHAUSTED);
    }

    @Test
    void aCooldownThatHasPassed_orAMonthlyCapWithRoomForOneMoreAction_refusesNothing() {
        Facts rested = new Facts().with(live().limits(new Limits(5, null, Duration.ofDays(1), Duration.ZERO, null)));
        rested.awardsOfUser = 1;
        rested.lastAward = NOW.minus(Duration.ofDays(1));
        assertThat(AwardPolicy.firstRefusal(rested)).isEmpty();

        Facts roomy = new Facts();
        roomy.monthlyRoom = usd("10.00");
        assertThat(AwardPolicy.firstRefusal(roomy)).isEmpty();
    }

    @Test
    void testAwardsCostNothing_soNoMoneyRuleAppliesToThem() {
        Facts test = new Facts().with(MomentBuilder.aMoment().status(MomentStatus.TEST));
        test.testUser = true;
        test.monthlyRoom = usd("0.00");
        test.budget = Budget.open(test.moment.id(), usd("5.00"), null, usd("10.00"));
        assertThat(AwardPolicy.firstRefusal(test)).isEmpty();
    }

    @Test
    void aReferralPaysOnlyAReferredUserWithinTheWindowOnAnotherDeviceOnceToEachSide() {
        Facts facts = new Facts().with(live().trigger(new ReferralTrigger(new EventTrigger(
                new Match("order.completed", null)), Duration.ofDays(30), false)));
        assertThat(AwardPolicy.firstRefusal(facts)).contains(Refusal.NOT_REFERRED);

        facts.referral = new Referral("u-1", "ann", NOW.plusSeconds(1));
        assertThat(AwardPolicy.firstRefusal(facts)).as("completed before being referred").contains(Refusal.NOT_REFERRED);
        facts.referral = new Referral("u-1", "ann", NOW.minus(Duration.ofDays(30)));
        assertThat(AwardPolicy.firstRefusal(facts)).as("on the window's last instant").isEmpty();
        facts.completedAt = NOW.plusSeconds(1);
        assertThat(AwardPolicy.firstRefusal(facts)).contains(Refusal.REFERRAL_EXPIRED);

        facts.completedAt = NOW;
        facts.sharesDevice = true;
        facts.referralPaid = true;
        assertThat(AwardPolicy.firstRefusal(facts)).contains(Refusal.SELF_REFERRAL);
        assertThat(AwardPolicy.allRefusals(facts)).containsExactly(Refusal.SELF_REFERRAL);
        facts.sharesDevice = false;
        assertThat(AwardPolicy.firstRefusal(facts)).contains(Refusal.REFERRAL_PAID);
        assertThat(Refusal.REFERRAL_PAID.keepsProgress()).isFalse();

        Facts plain = new Facts();
        plain.sharesDevice = true;
        plain.referralPaid = true;
        assertThat(AwardPolicy.firstRefusal(plain)).as("not a referral moment: its rules do not apply").isEmpty();
    }

    @Test
    void aClientAddressEarnsAtMostPerIpMax_whenTheAddressIsKnown() {
        Facts facts = new Facts().with(live().limits(new Limits(5, null, null, Duration.ZERO, null,
                new Limits.PerIp(3, Duration.ofDays(1)), null)));
        facts.awardsFromIp = 3;
        assertThat(AwardPolicy.firstRefusal(facts)).as("no address: nothing to count").isEmpty();
        facts.ip = "key";
        assertThat(AwardPolicy.firstRefusal(facts)).contains(Refusal.VELOCITY_IP);
        facts.awardsFromIp = 2;
        assertThat(AwardPolicy.firstRefusal(facts)).isEmpty();
    }

    @Test
    void anAccountMustBeMinAccountAgeOldAtTheCompletion_andOfKnownAge() {
        Facts facts = new Facts().with(live().limits(new Limits(5, null, null, Duration.ZERO, null, null,
                Duration.ofDays(7))));
        assertThat(AwardPolicy.firstRefusal(facts)).as("age unknown").contains(Refusal.ACCOUNT_TOO_NEW);
        facts.createdAt = NOW.minus(Duration.ofDays(7)).plusSeconds(1);
        assertThat(AwardPolicy.firstRefusal(facts)).contains(Refusal.ACCOUNT_TOO_NEW);
        facts.createdAt = NOW.minus(Duration.ofDays(7));
        assertThat(AwardPolicy.firstRefusal(facts)).as("exactly the age").isEmpty();
        assertThat(AwardPolicy.firstRefusal(new Facts())).as("no limit, no age asked").isEmpty();
        facts.createdAt = Instant.MAX; // no overflow however far the creation lies
        assertThat(AwardPolicy.allRefusals(facts)).contains(Refusal.ACCOUNT_TOO_NEW);
    }

    @Test
    void eachRefusalSaysWhatStandsInTheWay() {
        assertThat(Refusal.values()).filteredOn(refusal -> refusal.kind() == Refusal.Kind.MOMENT)
                .containsExactly(Refusal.NOT_LIVE, Refusal.OUTSIDE_SCHEDULE, Refusal.TEST_USERS_ONLY);
        assertThat(Refusal.values()).filteredOn(refusal -> refusal.kind() == Refusal.Kind.AUDIENCE)
                .containsExactly(Refusal.NOT_IN_AUDIENCE, Refusal.BLOCKED, Refusal.HOLDOUT, Refusal.NOT_REFERRED);
        assertThat(Refusal.values()).filteredOn(refusal -> refusal.kind() == Refusal.Kind.USER_LIMIT)
                .containsExactly(Refusal.REFERRAL_EXPIRED, Refusal.SELF_REFERRAL, Refusal.REFERRAL_PAID,
                        Refusal.LIMIT_PER_USER, Refusal.COOLDOWN, Refusal.LIMIT_PER_DEVICE, Refusal.VELOCITY_IP,
                        Refusal.ACCOUNT_TOO_NEW);
        assertThat(Refusal.values()).filteredOn(refusal -> refusal.kind() == Refusal.Kind.MONEY)
                .containsExactly(Refusal.MONTHLY_CAP, Refusal.BUDGET_EXHAUSTED, Refusal.DAILY_CAP);
    }

    @Test
    void onlyThePartnersMoneyKeepsTheUsersProgress() {
        assertThat(Refusal.values()).filteredOn(Refusal::keepsProgress)
                .containsExactly(Refusal.MONTHLY_CAP, Refusal.BUDGET_EXHAUSTED, Refusal.DAILY_CAP);
    }
}
