package dev.moments.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.port.AwardFilter;
import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.AwardRepository.Sealed;
import dev.moments.domain.abuse.Block;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.award.AwardStatusChange;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.partner.Partner;
import dev.moments.domain.shared.Digests;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@code AwardRepository} must do. */
public abstract class AwardRepositoryContract extends ContractSupport {

    private static Award award(Moment moment, String userId, int completion) {
        return new Award(new AwardId(unique("awd_")), moment.partnerId(), moment.id(), userId, "device-1", completion,
                AwardStatus.EARNED, usd("10.00"), false, unique("evt-"), Digests.sha256Hex(unique("token")), AT,
                AT.plus(Duration.ofHours(1)), AT.plus(Duration.ofDays(30)), AT);
    }

    @Test
    void aStoredAwardIsFoundAsItWasStoredWithItsSealedToken() {
        Moment moment = givenMoment(givenPartner());
        Award award = award(moment, "u-1", 1);
        txRun(() -> ports().awards().insert(award, "sealed-token"));

        assertThat(tx(() -> ports().awards().find(moment.partnerId(), award.id()))).contains(award);
        assertThat(tx(() -> ports().awards().sealedToken(award.id()))).contains("sealed-token");
    }

    private static Award referralAward(Moment moment, String userId, int completion, String referrer,
                                       String referee) {
        Award plain = award(moment, userId, completion);
        return new Award(plain.id(), plain.partnerId(), plain.momentId(), userId, plain.deviceId(), completion,
                plain.status(), plain.reserved(), false, plain.eventId(), plain.tokenDigest(), AT, AT, null, AT,
                referrer, referee, "B");
    }

    @Test
    void aReferralsAwardsNameBothSidesAndArePaidOnceToEach() {
        Moment moment = givenMoment(givenPartner());
        Award toReferrer = referralAward(moment, "ann", 1, "ann", "bob");
        Award toReferee = referralAward(moment, "bob", 1, "ann", "bob");
        txRun(() -> ports().awards().insertAll(List.of(new Sealed(toReferrer, "s1"),
                new Sealed(toReferee, "s2"))));

        assertThat(tx(() -> ports().awards().find(moment.partnerId(), toReferrer.id()))).contains(toReferrer);
        assertThat(tx(() -> ports().awards().find(moment.partnerId(), toReferee.id()))).contains(toReferee);
        assertThat(tx(() -> ports().awards().referralPaid(moment.id(), "bob", "ann"))).isTrue();
        assertThat(tx(() -> ports().awards().referralPaid(moment.id(), "bob", "bob"))).isTrue();
        assertThat(tx(() -> ports().awards().referralPaid(moment.id(), "cid", "ann"))).isFalse();
        assertThat(tx(() -> ports().awards().countReferralsPaid(moment.id(), "ann"))).isEqualTo(1);
        assertThat(tx(() -> ports().awards().countReferralsPaid(moment.id(), "bob"))).isZero();
        assertThatThrownBy(() -> txRun(() -> ports().awards().insert(
                referralAward(moment, "ann", 2, "ann", "bob"), "s3")))
                .as("the referrer paid twice for one referee").isInstanceOf(ConcurrentWriteException.class);
        // a lock to the end of the transaction only: the second transaction takes it again
        assertThat(tx(() -> ports().awards().lockAndCountReferralsPaid(moment.id(), "ann"))).isEqualTo(1);
        assertThat(tx(() -> ports().awards().lockAndCountReferralsPaid(moment.id(), "bob"))).isZero();
        assertThat(tx(() -> ports().awards().lockAndCountReferralsPaid(moment.id(), "ann"))).isEqualTo(1);
    }

    @Test
    void aTestAwardWithoutExpiryOrDeviceComesBackTheSame() {
        Moment moment = givenMoment(givenPartner());
        Award award = new Award(new AwardId(unique("awd_")), moment.partnerId(), moment.id(), "u-1", null, 1,
                AwardStatus.EARNED, usd("0.00"), true, "evt-1", Digests.sha256Hex(unique("t")), AT, AT, null, AT);
        txRun(() -> ports().awards().insert(award, "s"));
        assertThat(tx(() -> ports().awards().find(moment.partnerId(), award.id()))).contains(award);
    }

    @Test
    void anotherPartnersAwardIsNotFound() {
        Moment moment = givenMoment(givenPartner());
        Award award = award(moment, "u-1", 1);
        txRun(() -> ports().awards().insert(award, "s"));
        Partner other = givenPartner();

        assertThat(tx(() -> ports().awards().find(other.id(), award.id()))).isEmpty();
        assertThat(tx(() -> ports().awards().findAll(other.id(), List.of(award.id())))).isEmpty();
        assertThat(tx(() -> ports().awards().findAll(moment.partnerId(), List.of(award.id())))).containsExactly(award);
    }

    @Test
    void aSecondAwardForTheSameCompletionIsRefused() {
        Moment moment = givenMoment(givenPartner());
        txRun(() -> ports().awards().insert(award(moment, "u-1", 1), "s1"));

        assertThatThrownBy(() -> txRun(() -> ports().awards().insert(award(moment, "u-1", 1), "s2")))
                .isInstanceOf(ConcurrentWriteException.class);
        assertThat(tx(() -> ports().awards().countForUser(moment.id(), "u-1"))).isEqualTo(1);
    }

    @Test
    void awardsAreListedByUserMomentAndStatusPageByPage() {
        Moment moment = givenMoment(givenPartner());
        Moment other = givenMoment(givenPartner(), dev.moments.domain.fixtures.MomentBuilder.aMoment(), "100.00", "10.00");
        Award first = award(moment, "u-1", 1);
        Award second = award(moment, "u-2", 1);
        txRun(() -> {
            ports().awards().insert(first, "a");
            ports().awards().insert(second, "b");
            ports().awards().insert(award(other, "u-1", 1), "c");
        });
        var partner = moment.partnerId();
        assertThat(tx(() -> ports().awards().list(partner, new AwardFilter("u-1", null, null),
                new PageRequest(10, null))).items()).containsExactly(first);
        assertThat(tx(() -> ports().awards().list(partner, new AwardFilter(null, moment.id(), AwardStatus.EARNED),
                new PageRequest(10, null))).items()).containsExactlyInAnyOrder(first, second);
        assertThat(tx(() -> ports().awards().list(partner, new AwardFilter(null, null, AwardStatus.CLAIMED),
                new PageRequest(10, null))).items()).isEmpty();
        var page = tx(() -> ports().awards().list(partner, AwardFilter.ALL, new PageRequest(1, null)));
        var rest = tx(() -> ports().awards().list(partner, AwardFilter.ALL, new PageRequest(1, page.next())));
        assertThat(page.items()).hasSize(1);
        assertThat(rest.items()).hasSize(1).doesNotContainAnyElementsOf(page.items());
        assertThat(rest.next()).isNull();
    }

    @Test
    void theLastAwardOfAUserAndTheAwardsOnADeviceAreKnown() {
        Moment moment = givenMoment(givenPartner());
        Award first = award(moment, "u-1", 1);
        Award later = new Award(new AwardId(unique("awd_")), moment.partnerId(), moment.id(), "u-1", "device-1", 2,
                AwardStatus.EARNED, usd("10.00"), false, unique("evt-"), Digests.sha256Hex(unique("t")),
                AT.plusSeconds(90), AT.plusSeconds(90), null, AT.plusSeconds(90));
        txRun(() -> {
            ports().awards().insert(first, "a");
            ports().awards().insert(later, "b");
            ports().awards().insert(award(moment, "u-2", 1), "c");
        });
        assertThat(tx(() -> ports().awards().lastEarnedAt(moment.id(), "u-1"))).contains(AT.plusSeconds(90));
        assertThat(tx(() -> ports().awards().lastEarnedAt(moment.id(), "u-3"))).isEmpty();
        assertThat(tx(() -> ports().awards().lockAndCountForDevice(moment.id(), "device-1"))).isEqualTo(3);
        assertThat(tx(() -> ports().awards().lockAndCountForDevice(moment.id(), "device-2"))).isZero();
    }

    @Test
    void theStatusChangesOnlyFromTheExpectedOne() {
        Moment moment = givenMoment(givenPartner());
        Award award = award(moment, "u-1", 1);
        txRun(() -> ports().awards().insert(award, "s"));
        Award cancelled = award.moveTo(AwardStatus.CANCELLED, AT.plusSeconds(5));

        assertThat(tx(() -> ports().awards().updateStatus(cancelled, AwardStatus.CLAIMED))).isFalse();
        assertThat(tx(() -> ports().awards().updateStatus(cancelled, AwardStatus.EARNED))).isTrue();
        assertThat(tx(() -> ports().awards().find(moment.partnerId(), award.id()))).contains(cancelled);
        assertThat(tx(() -> ports().awards().updateStatus(award.moveTo(AwardStatus.EXPIRED, AT), AwardStatus.EARNED)))
                .isFalse();
    }

    @Test
    void expiredUnclaimedAwardsAreFoundOldestDeadlineFirst() {
        Moment moment = givenMoment(givenPartner());
        Instant farFuture = Instant.parse("2100-01-01T00:00:00Z");
        Award soon = new Award(new AwardId(unique("awd_")), moment.partnerId(), moment.id(), "u-1", null, 1,
                AwardStatus.EARNED, usd("10.00"), false, "e", Digests.sha256Hex(unique("t")), AT, AT,
                farFuture.plusSeconds(10), AT);
        Award sooner = new Award(new AwardId(unique("awd_")), moment.partnerId(), moment.id(), "u-2", null, 1,
                AwardStatus.EARNED, usd("10.00"), false, "e", Digests.sha256Hex(unique("t")), AT, AT,
                farFuture.plusSeconds(5), AT);
        Award later = new Award(new AwardId(unique("awd_")), moment.partnerId(), moment.id(), "u-3", null, 1,
                AwardStatus.EARNED, usd("10.00"), false, "e", Digests.sha256Hex(unique("t")), AT, AT,
                farFuture.plusSeconds(60), AT);
        txRun(() -> {
            ports().awards().insert(soon, "a");
            ports().awards().insert(sooner, "b");
            ports().awards().insert(later, "c");
        });
        List<Award> due = tx(() -> ports().awards().lockExpired(farFuture.plusSeconds(30), 1000)).stream()
                .filter(a -> a.momentId().equals(moment.id())).toList();
        assertThat(due).containsExactly(sooner, soon);
    }

    @Test
    void theUnclaimedAwardsOfAUserDeviceOrAddressAreFoundForTheirPartnerOnly() {
        Moment moment = givenMoment(givenPartner());
        Moment others = givenMoment(givenPartner());
        String address = "a".repeat(64);
        Award onDevice = unclaimed(moment, "u-1", "dev-1", AwardStatus.EARNED);
        Award inReview = unclaimed(moment, "u-2", "dev-1", AwardStatus.PENDING_REVIEW);
        Award claimed = unclaimed(moment, "u-3", "dev-1", AwardStatus.CLAIMED);
        Award elsewhere = unclaimed(others, "u-1", "dev-1", AwardStatus.EARNED);
        txRun(() -> ports().awards().insertAll(List.of(new AwardRepository.Sealed(onDevice, "a", address),
                new AwardRepository.Sealed(inReview, "b", null), new AwardRepository.Sealed(claimed, "c", address),
                new AwardRepository.Sealed(elsewhere, "d", address))));

        assertThat(tx(() -> ports().awards().lockUnclaimed(moment.partnerId(),
                new Block.Key(Block.Kind.DEVICE, "dev-1"), 10))).containsExactlyInAnyOrder(onDevice, inReview);
        assertThat(tx(() -> ports().awards().lockUnclaimed(moment.partnerId(),
                new Block.Key(Block.Kind.DEVICE, "dev-1"), 1))).hasSize(1);
        assertThat(tx(() -> ports().awards().lockUnclaimed(moment.partnerId(),
                new Block.Key(Block.Kind.USER, "u-1"), 10))).containsExactly(onDevice);
        assertThat(tx(() -> ports().awards().lockUnclaimed(moment.partnerId(),
                new Block.Key(Block.Kind.IP, address), 10))).containsExactly(onDevice);
        assertThat(tx(() -> ports().awards().lockUnclaimed(moment.partnerId(),
                new Block.Key(Block.Kind.USER, "u-3"), 10))).as("claimed").isEmpty();
    }

    @Test
    void awardsWaitingForReviewArePagedOldestFirst_andDueAfterTheirWait() {
        Moment moment = givenMoment(givenPartner());
        Instant longAgo = AT.minus(Duration.ofDays(40));
        Award oldest = held(moment, "u-1", longAgo);
        Award older = held(moment, "u-2", longAgo.plusSeconds(1));
        Award recent = held(moment, "u-3", AT.minus(Duration.ofDays(1)));
        Award earned = unclaimed(moment, "u-4", null, AwardStatus.EARNED);
        txRun(() -> ports().awards().insertAll(List.of(new AwardRepository.Sealed(recent, "a", null),
                new AwardRepository.Sealed(oldest, "b", null), new AwardRepository.Sealed(earned, "c", null),
                new AwardRepository.Sealed(older, "d", null))));

        Page<Award> first = tx(() -> ports().awards().pendingReview(moment.partnerId(), new PageRequest(2, null)));
        assertThat(first.items()).containsExactly(oldest, older);
        Page<Award> second = tx(() -> ports().awards().pendingReview(moment.partnerId(),
                new PageRequest(2, first.next())));
        assertThat(second.items()).containsExactly(recent);
        assertThat(second.next()).isNull();
        assertThat(tx(() -> ports().awards().pendingReview(givenPartner().id(), new PageRequest(10, null)).items()))
                .isEmpty();

        // a moment without a review rule (any more) waits 30 days
        assertThat(tx(() -> ports().awards().lockReviewsDue(AT, 10_000)).stream()
                .filter(award -> award.momentId().equals(moment.id())).toList()).containsExactly(oldest, older);
    }

    private static Award held(Moment moment, String user, Instant earnedAt) {
        return new Award(new AwardId(unique("awd_")), moment.partnerId(), moment.id(), user, null, 1,
                AwardStatus.PENDING_REVIEW, usd("10.00"), false, "e", Digests.sha256Hex(unique("t")), earnedAt,
                earnedAt, null, earnedAt);
    }

    private static Award unclaimed(Moment moment, String user, String device, AwardStatus status) {
        return new Award(new AwardId(unique("awd_")), moment.partnerId(), moment.id(), user, device, 1, status,
                usd("10.00"), false, "e", Digests.sha256Hex(unique("t")), AT, AT, AT.plusSeconds(3600), AT);
    }

    @Test
    void completionsAreCountedPerMomentAndUser() {
        Moment moment = givenMoment(givenPartner());
        Moment other = givenMoment(givenPartner());
        txRun(() -> {
            ports().awards().insert(award(moment, "u-1", 1), "a");
            ports().awards().insert(award(moment, "u-1", 2), "b");
            ports().awards().insert(award(moment, "u-2", 1), "c");
            ports().awards().insert(award(other, "u-1", 1), "d");
        });
        assertThat(tx(() -> ports().awards().countForUser(moment.id(), "u-1"))).isEqualTo(2);
        assertThat(tx(() -> ports().awards().countForUser(moment.id(), "u-2"))).isEqualTo(1);
        assertThat(tx(() -> ports().awards().countForUser(moment.id(), "u-3"))).isZero();
    }

    @Test
    void everyStatusAnAwardTakesIsRecordedInItsHistoryWithItsReason() {
        Moment moment = givenMoment(givenPartner());
        Award award = award(moment, "u-1", 1);
        txRun(() -> ports().awards().insert(award, "s"));
        Award claimed = award.moveTo(AwardStatus.CLAIMED, AT.plusSeconds(10));
        Award failed = claimed.moveTo(AwardStatus.FAILED, AT.plusSeconds(20));
        assertThat(tx(() -> ports().awards().updateStatus(claimed, AwardStatus.EARNED))).isTrue();
        assertThat(tx(() -> ports().awards().updateStatus(failed, AwardStatus.EARNED, "lost"))).isFalse();
        assertThat(tx(() -> ports().awards().updateStatus(failed, AwardStatus.CLAIMED, "lost"))).isTrue();

        assertThat(tx(() -> ports().awards().history(award.id()))).containsExactly(
                new dev.moments.domain.award.AwardStatusChange(AwardStatus.EARNED, AT, null),
                new dev.moments.domain.award.AwardStatusChange(AwardStatus.CLAIMED, AT.plusSeconds(10), null),
                new dev.moments.domain.award.AwardStatusChange(AwardStatus.FAILED, AT.plusSeconds(20), "lost"));
    }

    @Test
    void anAwardIsFoundAndLockedByItsTokenDigestAndById() {
        Moment moment = givenMoment(givenPartner());
        Award award = award(moment, "u-1", 1);
        txRun(() -> ports().awards().insert(award, "s"));

        assertThat(tx(() -> ports().awards().findByTokenDigest(award.tokenDigest()))).contains(award);
        assertThat(tx(() -> ports().awards().lockByTokenDigest(award.tokenDigest()))).contains(award);
        assertThat(tx(() -> ports().awards().lock(award.id()))).contains(award);
        assertThat(tx(() -> ports().awards().findByTokenDigest(Digests.sha256Hex("other")))).isEmpty();
        assertThat(tx(() -> ports().awards().lockByTokenDigest(Digests.sha256Hex("other")))).isEmpty();
        assertThat(tx(() -> ports().awards().lock(new AwardId("awd_none")))).isEmpty();
    }

    /** The counts of {@code countForUsers}, with the users it may leave out (no award) as zero. */
    private Map<String, Integer> counts(Moment moment, List<String> userIds) {
        Map<String, Integer> counts = tx(() -> ports().awards().countForUsers(moment.id(), userIds));
        assertThat(userIds).containsAll(counts.keySet());
        return userIds.stream().distinct().collect(java.util.stream.Collectors.toMap(u -> u,
                u -> counts.getOrDefault(u, 0)));
    }

    @Test
    void aBatchOfAwardsIsStoredEachWithItsTokenAndFirstStatusInItsHistoryAndCounted() {
        Moment moment = givenMoment(givenPartner());
        Moment other = givenMoment(givenPartner());
        Award first = award(moment, "u-1", 1);
        Award second = new Award(new AwardId(unique("awd_")), moment.partnerId(), moment.id(), "u-1", "device-2", 2,
                AwardStatus.PENDING_REVIEW, usd("12.50"), false, unique("evt-"), Digests.sha256Hex(unique("t")),
                AT.plusSeconds(30), AT.plusSeconds(60), AT.plus(Duration.ofDays(7)), AT.plusSeconds(31));
        Award testAward = new Award(new AwardId(unique("awd_")), moment.partnerId(), moment.id(), "u-2", null, 1,
                AwardStatus.EARNED, usd("0.00"), true, "evt-1", Digests.sha256Hex(unique("t")), AT.plusSeconds(40),
                AT.plusSeconds(40), null, AT.plusSeconds(40));
        Award alone = award(moment, "u-3", 1);
        txRun(() -> ports().awards().insert(award(other, "u-1", 1), "o"));

        txRun(() -> ports().awards().insertAll(List.of(new Sealed(first, "sealed-1"), new Sealed(second, "sealed-2"),
                new Sealed(testAward, "sealed-3"))));
        txRun(() -> ports().awards().insertAll(List.of(new Sealed(alone, "sealed-4"))));
        txRun(() -> ports().awards().insertAll(List.of()));

        Map<Award, String> tokens = Map.of(first, "sealed-1", second, "sealed-2", testAward, "sealed-3", alone,
                "sealed-4");
        tokens.forEach((award, token) -> {
            assertThat(tx(() -> ports().awards().find(moment.partnerId(), award.id()))).contains(award);
            assertThat(tx(() -> ports().awards().sealedToken(award.id()))).contains(token);
            assertThat(tx(() -> ports().awards().history(award.id())))
                    .containsExactly(new AwardStatusChange(award.status(), award.updatedAt(), null));
        });
        assertThat(tx(() -> ports().awards().findAll(moment.partnerId(),
                List.of(first.id(), second.id(), testAward.id(), alone.id()))))
                .containsExactlyInAnyOrder(first, second, testAward, alone);
        AwardId unknown = new AwardId(unique("awd_"));
        assertThat(tx(() -> ports().awards().sealedTokens(List.of(first.id(), alone.id(), unknown, first.id()))))
                .isEqualTo(Map.of(first.id(), tokens.get(first), alone.id(), tokens.get(alone)));
        assertThat(tx(() -> ports().awards().sealedTokens(List.of()))).isEmpty();
        assertThat(counts(moment, List.of("u-1", "u-2", "u-3", "u-4", "u-1")))
                .isEqualTo(Map.of("u-1", 2, "u-2", 1, "u-3", 1, "u-4", 0));
        assertThat(counts(other, List.of("u-1", "u-2"))).isEqualTo(Map.of("u-1", 1, "u-2", 0));
        assertThat(tx(() -> ports().awards().countForUsers(moment.id(), List.of()))).isEmpty();
    }

    @Test
    void aBatchHoldingACompletionAlreadyAwardedIsRefusedWhole() {
        Moment moment = givenMoment(givenPartner());
        Award stored = award(moment, "u-1", 1);
        txRun(() -> ports().awards().insert(stored, "s"));
        // The taken completion leads the batch: the in-memory transactions do not roll back, PostgreSQL's must.
        List<Award> batch = List.of(award(moment, "u-1", 1), award(moment, "u-1", 2), award(moment, "u-2", 1));

        assertThatThrownBy(() -> txRun(() -> ports().awards().insertAll(
                batch.stream().map(award -> new Sealed(award, "sealed")).toList())))
                .isInstanceOf(ConcurrentWriteException.class);
        assertThat(tx(() -> ports().awards().findAll(moment.partnerId(), batch.stream().map(Award::id).toList())))
                .isEmpty();
        for (Award refused : batch) {
            assertThat(tx(() -> ports().awards().history(refused.id()))).isEmpty();
            assertThat(tx(() -> ports().awards().sealedToken(refused.id()))).isEmpty();
        }
        assertThat(tx(() -> ports().awards().find(moment.partnerId(), stored.id()))).contains(stored);
        assertThat(counts(moment, List.of("u-1", "u-2"))).isEqualTo(Map.of("u-1", 1, "u-2", 0));
    }

    @Test
    void aBatchAwardingOneCompletionTwiceIsRefused() {
        Moment moment = givenMoment(givenPartner());
        List<Sealed> batch = List.of(new Sealed(award(moment, "u-1", 1), "a"), new Sealed(award(moment, "u-2", 1), "b"),
                new Sealed(award(moment, "u-1", 1), "c"));

        assertThatThrownBy(() -> txRun(() -> ports().awards().insertAll(batch)))
                .isInstanceOf(ConcurrentWriteException.class);
    }
}
