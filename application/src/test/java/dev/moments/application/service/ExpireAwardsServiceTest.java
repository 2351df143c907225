package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.fixtures.InMemoryAwardRepository;
import dev.moments.application.fixtures.InMemoryMoments;
import dev.moments.application.port.AwardFilter;
import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.ChangeMomentStatusUseCase.LifecycleAction;
import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.application.port.in.CreatePartnerCommand;
import dev.moments.application.port.in.CreateRewardCommand;
import dev.moments.application.port.in.ExpireAwardsUseCase.Expiry;
import dev.moments.application.port.in.RecordEventCommand;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.PartnerSpending;
import dev.moments.domain.abuse.Block;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.award.AwardStatusChange;
import dev.moments.domain.moment.Limits;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.Money;
import dev.moments.domain.trigger.EventTrigger;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The expiry job on in-memory ports, through a store where an award's row can be broken and where another instance
 * can change an award between the listing of the due awards and their expiry.
 */
class ExpireAwardsServiceTest {

    private static final Duration CLAIM_WITHIN = Duration.ofDays(30);

    private final InMemoryMoments app = new InMemoryMoments();
    private final TroubledAwards awards = new TroubledAwards(app.awardRepository);
    private final LockRecordingSpending spending = new LockRecordingSpending(app.spending);
    private final ExpireAwardsService expiry = new ExpireAwardsService(awards, spending,
            new AwardEndings(awards, app.momentRepository, app.money, app.outbox,
                    prefix -> prefix + UUID.randomUUID()),
            app.clock, app.transactions);

    private PartnerId partner(String name) {
        return app.partners.create(new CreatePartnerCommand(name, "USD")).partner().id();
    }

    private MomentId live(PartnerId partner) {
        String reward = app.rewards.create(new CreateRewardCommand(partner, "Credit", "CREDIT", "5.00", "USD",
                Set.of(), "sandbox", null, null)).id().value();
        MomentId moment = app.moments.create(new CreateMomentCommand(partner, "Order", new EventTrigger("order", null),
                null, null, null, null, new CreateMomentCommand.BudgetSpec("USD", "100.00", null, "10.00"),
                List.of(reward), new Limits(1, null, null, Duration.ZERO, CLAIM_WITHIN), null, null))
                .moment().id();
        app.moments.change(partner, moment, LifecycleAction.LAUNCH);
        return moment;
    }

    private AwardId order(PartnerId partner, String user) {
        List<AwardView> earned = app.events.record(new RecordEventCommand(partner, "evt-" + user, "order", user, null,
                null, Map.of(), null, null)).awards();
        return earned.get(0).award().id();
    }

    private AwardStatus status(AwardId id) {
        return app.awardRepository.lock(id).orElseThrow().status();
    }

    private boolean nothingReserved(PartnerId partner, MomentId moment) {
        return app.moments.get(partner, moment).budgetState().reserved().isZero();
    }

    @Test
    void aBatchLocksEachPartnersSpendingOnce_inPartnerOrder_beforeEndingItsAwards() {
        PartnerId first = partner("First");
        PartnerId second = partner("Second");
        MomentId secondsMoment = live(second); // listed first: the due awards come in moment order
        MomentId firstsMoment = live(first);
        AwardId a = order(second, "u-1");
        AwardId b = order(first, "u-2");
        AwardId c = order(first, "u-3");
        app.clock.advance(CLAIM_WITHIN);

        Expiry result = expiry.expireDue(100);

        assertThat(result.expired()).isEqualTo(3);
        assertThat(result.failures()).isEmpty();
        assertThat(spending.locked).containsExactly(first, second);
        assertThat(List.of(a, b, c)).allSatisfy(id -> assertThat(status(id)).isEqualTo(AwardStatus.EXPIRED));
        assertThat(nothingReserved(first, firstsMoment)).isTrue();
        assertThat(nothingReserved(second, secondsMoment)).isTrue();
    }

    @Test
    void whenTheBatchFails_eachAwardExpiresInATransactionOfItsOwn_andTheOneThatFailsIsReportedAndLeftAsItIs() {
        PartnerId first = partner("First");
        PartnerId second = partner("Second");
        MomentId secondsMoment = live(second);
        live(first);
        AwardId good = order(second, "u-1");
        AwardId alsoGood = order(second, "u-2");
        AwardId broken = order(first, "u-3"); // its partner comes first: the batch fails before it changed anything
        awards.broken.add(broken);
        app.clock.advance(CLAIM_WITHIN);

        Expiry result = expiry.expireDue(100);

        assertThat(result.expired()).isEqualTo(2);
        assertThat(result.failures()).singleElement().asString().startsWith(broken + ": ").contains("broken row");
        assertThat(status(good)).isEqualTo(AwardStatus.EXPIRED);
        assertThat(status(alsoGood)).isEqualTo(AwardStatus.EXPIRED);
        assertThat(status(broken)).isEqualTo(AwardStatus.EARNED);
        assertThat(nothingReserved(second, secondsMoment)).isTrue();
    }

    @Test
    void anAwardEndedByAnotherInstanceBetweenTheListingAndItsExpiry_isNeitherExpiredNorCounted() {
        PartnerId first = partner("First");
        PartnerId second = partner("Second");
        live(second);
        live(first);
        AwardId cancelledMeanwhile = order(second, "u-1");
        AwardId good = order(second, "u-2");
        AwardId broken = order(first, "u-3");
        awards.broken.add(broken);
        app.clock.advance(CLAIM_WITHIN);
        awards.beforeLock.put(cancelledMeanwhile, award -> app.awardRepository.updateStatus(
                award.moveTo(AwardStatus.CANCELLED, app.clock.now()), award.status(), "cancelled elsewhere"));

        Expiry result = expiry.expireDue(100);

        assertThat(result.expired()).isEqualTo(1);
        assertThat(result.failures()).singleElement().asString().startsWith(broken + ": ");
        assertThat(status(cancelledMeanwhile)).isEqualTo(AwardStatus.CANCELLED);
        assertThat(status(good)).isEqualTo(AwardStatus.EXPIRED);
    }

    /** Records which partners' spending a unit locks, in order. */
    private static final class LockRecordingSpending implements PartnerSpending {

        private final PartnerSpending delegate;
        private final List<PartnerId> locked = new ArrayList<>();

        LockRecordingSpending(PartnerSpending delegate) {
            this.delegate = delegate;
        }

        @Override
        public void lock(PartnerId partnerId) {
            locked.add(partnerId);
            delegate.lock(partnerId);
        }

        @Override
        public Charge charge(PartnerId partnerId, Money amount, YearMonth month) {
            return delegate.charge(partnerId, amount, month);
        }

        @Override
        public void giveBack(PartnerId partnerId, Money amount, YearMonth month) {
            delegate.giveBack(partnerId, amount, month);
        }

        @Override
        public void setCap(PartnerId partnerId, Money capOrNull, YearMonth now) {
            delegate.setCap(partnerId, capOrNull, now);
        }

        @Override
        public Optional<Cap> cap(PartnerId partnerId, YearMonth month) {
            return delegate.cap(partnerId, month);
        }

        @Override
        public Money charged(PartnerId partnerId, YearMonth month) {
            return delegate.charged(partnerId, month);
        }
    }

    /**
     * The in-memory awards, where the rows of {@code broken} awards cannot be updated, and where another instance can
     * act on an award just before this one locks it ({@code beforeLock}).
     */
    private static final class TroubledAwards implements AwardRepository {

        private final InMemoryAwardRepository delegate;
        private final Set<AwardId> broken = new HashSet<>();
        private final Map<AwardId, Consumer<Award>> beforeLock = new HashMap<>();

        TroubledAwards(InMemoryAwardRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean updateStatus(Award changed, AwardStatus expected, String reason) {
            if (broken.contains(changed.id())) {
                throw new IllegalStateException("broken row");
            }
            return delegate.updateStatus(changed, expected, reason);
        }

        @Override
        public Optional<Award> lock(AwardId id) {
            Consumer<Award> other = beforeLock.remove(id);
            if (other != null) {
                other.accept(delegate.lock(id).orElseThrow());
            }
            return delegate.lock(id);
        }

        @Override
        public void insert(Award award, String sealedToken) {
            delegate.insert(award, sealedToken);
        }

        @Override
        public void insertAll(List<Sealed> awards) {
            delegate.insertAll(awards);
        }

        @Override
        public Optional<Award> find(PartnerId partnerId, AwardId id) {
            return delegate.find(partnerId, id);
        }

        @Override
        public List<Award> findAll(PartnerId partnerId, Collection<AwardId> ids) {
            return delegate.findAll(partnerId, ids);
        }

        @Override
        public Page<Award> list(PartnerId partnerId, AwardFilter filter, PageRequest page) {
            return delegate.list(partnerId, filter, page);
        }

        @Override
        public int countForUser(MomentId momentId, String userId) {
            return delegate.countForUser(momentId, userId);
        }

        @Override
        public Optional<Instant> lastEarnedAt(MomentId momentId, String userId) {
            return delegate.lastEarnedAt(momentId, userId);
        }

        @Override
        public int lockAndCountForDevice(MomentId momentId, String deviceId) {
            return delegate.lockAndCountForDevice(momentId, deviceId);
        }

        @Override
        public int lockAndCountForIp(MomentId momentId, String ipKey, Instant since) {
            return delegate.lockAndCountForIp(momentId, ipKey, since);
        }

        @Override
        public int lockAndCountReferralsPaid(MomentId momentId, String referrer) {
            return delegate.lockAndCountReferralsPaid(momentId, referrer);
        }

        @Override
        public int countReferralsPaid(MomentId momentId, String referrer) {
            return delegate.countReferralsPaid(momentId, referrer);
        }

        @Override
        public boolean referralPaid(MomentId momentId, String referee, String payee) {
            return delegate.referralPaid(momentId, referee, payee);
        }

        @Override
        public List<AwardStatusChange> history(AwardId id) {
            return delegate.history(id);
        }

        @Override
        public Optional<Award> findByTokenDigest(String tokenDigest) {
            return delegate.findByTokenDigest(tokenDigest);
        }

        @Override
        public Optional<Award> lockByTokenDigest(String tokenDigest) {
            return delegate.lockByTokenDigest(tokenDigest);
        }

        @Override
        public List<Award> lockExpired(Instant now, int limit) {
            return delegate.lockExpired(now, limit);
        }

        @Override
        public List<Award> lockUnclaimed(PartnerId partnerId, Block.Key key, int limit) {
            return delegate.lockUnclaimed(partnerId, key, limit);
        }

        @Override
        public Page<Award> pendingReview(PartnerId partnerId, PageRequest page) {
            return delegate.pendingReview(partnerId, page);
        }

        @Override
        public List<Award> lockReviewsDue(Instant now, int limit) {
            return delegate.lockReviewsDue(now, limit);
        }

        @Override
        public boolean notifiesByEmail(AwardId id) {
            return delegate.notifiesByEmail(id);
        }

        @Override
        public Optional<String> sealedToken(AwardId id) {
            return delegate.sealedToken(id);
        }
    }
}
