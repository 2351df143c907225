package dev.moments.application.service;

import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.NotEligibleException;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.Blocklist;
import dev.moments.application.port.out.BudgetLedger;
import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.PartnerSpending;
import dev.moments.domain.abuse.Block;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardPolicy;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.award.Candidate;
import dev.moments.domain.award.Refusal;
import dev.moments.domain.award.RiskSignal;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.event.AccountAge;
import dev.moments.domain.event.EventContext;
import dev.moments.domain.events.AwardEarned;
import dev.moments.domain.events.BudgetLow;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.moment.Review;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.partner.SpendingMonth;
import dev.moments.domain.referral.Referral;
import dev.moments.domain.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Pays for completions: decides each against the award policies ({@link AwardPolicy}, asked with what the locks of
 * the paying transaction guard), charges the partner's month, reserves the price and creates the award with its
 * redemption token ({@link AwardIssuer}), and tells of it ({@code award.earned}, {@code budget.low}). Shared by events
 * and direct awards, so both follow one set of rules.
 */
public final class Awarding {

    private final MomentRepository moments;
    private final AwardRepository awards;
    private final BudgetLedger ledger;
    private final PartnerSpending spending;
    private final AwardIssuer issuer;
    private final BudgetFollower follower;
    private final DomainEventOutbox outbox;
    private final IdGenerator ids;
    private final Blocking blocking;

    public Awarding(MomentRepository moments, AwardRepository awards, BudgetLedger ledger, PartnerSpending spending,
                    AwardIssuer issuer, BudgetFollower follower, DomainEventOutbox outbox, IdGenerator ids,
                    Blocklist blocklist) {
        this.moments = moments;
        this.awards = awards;
        this.ledger = ledger;
        this.spending = spending;
        this.issuer = issuer;
        this.follower = follower;
        this.outbox = outbox;
        this.ids = ids;
        this.blocking = new Blocking(blocklist);
    }

    /**
     * A completion to pay for: a user (and device) who completed a moment, through an event or directly.
     *
     * @param completedAt the event's {@code occurredAt}, or now for a direct award
     * @param testUser whether the partner flags the user as a test user
     * @param inAudience whether the user is in the moment's audience (the event path admits only such users)
     * @param followed whether later events of the user in the same unit of work were evaluated from the progress
     *                 this completion used up: a refusal that keeps the progress cannot then be applied in place
     * @param referral for a referral moment, the referral of the user who completed it (the referee), or {@code null}
     * @param toReferee for a referral moment that rewards its referees, whether this is the referee's own award
     *                  (each completion is then paid twice: to the referrer, then to the referee)
     * @param referrerSharesDevice whether the referrer was seen on a device of the referee
     * @param variant the name of the moment's variant the user was given, or {@code null}: it sets the price and the
     *                rewards of the award
     * @param origin where the user completed from, as the abuse rules see it
     */
    record Completion(Moment moment, String userId, String deviceId, String eventId, Instant completedAt,
                      boolean testUser, boolean inAudience, boolean followed, boolean notifyByEmail,
                      Referral referral, boolean toReferee, boolean referrerSharesDevice, String variant,
                      Origin origin) {

        /**
         * A completion nothing followed in its unit of work, whose award may be e-mailed: a direct award, in the
         * variant the moment's hash gives the user, of unknown origin.
         */
        Completion(Moment moment, String userId, String deviceId, String eventId, Instant completedAt,
                   boolean testUser, boolean inAudience) {
            this(moment, userId, deviceId, eventId, completedAt, testUser, inAudience, Origin.UNKNOWN);
        }

        /** A direct award, as above, of that origin. */
        Completion(Moment moment, String userId, String deviceId, String eventId, Instant completedAt,
                   boolean testUser, boolean inAudience, Origin origin) {
            this(moment, userId, deviceId, eventId, completedAt, testUser, inAudience, false, true, null, false,
                    false, moment.variantNameOf(userId), origin);
        }

        /** The key of the client address the user completed from, or {@code null}. */
        String ipKey() {
            return origin.ipKey();
        }

        /** When the user's account was created, or {@code null} if unknown. */
        Instant accountCreatedAt() {
            return origin.accountCreatedAt();
        }

        /**
         * What a blocklist may name of the completion: the user who completed it, the one it pays (a referrer), their
         * device, client address and e-mail address, those known.
         */
        Set<Block.Key> blockKeys() {
            Set<Block.Key> keys = new LinkedHashSet<>();
            keys.add(new Block.Key(Block.Kind.USER, userId));
            keys.add(new Block.Key(Block.Kind.USER, payee()));
            if (deviceId != null) {
                keys.add(new Block.Key(Block.Kind.DEVICE, deviceId));
            }
            if (origin.ipKey() != null) {
                keys.add(new Block.Key(Block.Kind.IP, origin.ipKey()));
            }
            if (origin.emailKey() != null) {
                keys.add(new Block.Key(Block.Kind.EMAIL, origin.emailKey()));
            }
            return keys;
        }

        /** The user the award is for: the one who completed the moment, or for a referral the side it pays. */
        String payee() {
            return referral == null ? userId : referral.payee(toReferee);
        }

        /** Whether the award is for someone other than the user who completed the moment: a referrer. */
        boolean paysAnother() {
            return !payee().equals(userId);
        }
    }

    /**
     * Where a completion came from, as the abuse rules see it.
     *
     * @param ipKey the key of the client address the user completed from ({@code EventContext.ipKey}), or
     *              {@code null}
     * @param emailKey the key of the user's e-mail address ({@code Block.emailKey}), or {@code null}
     * @param accountCreatedAt when the user's account was created ({@code AccountAge}), or {@code null} if unknown
     */
    record Origin(String ipKey, String emailKey, Instant accountCreatedAt) {

        /** Nothing known. */
        static final Origin UNKNOWN = new Origin(null, null, null);

        /** From the event's context and the user's attributes (their {@code email} and {@code createdAt}). */
        static Origin of(EventContext context, Map<String, Object> attributes) {
            return new Origin(context.ipKey(), Block.emailKey(EmailFanOut.addressOf(attributes).orElse(null)),
                    AccountAge.createdAt(attributes).orElse(null));
        }
    }

    /**
     * A completion was refused for the partner's money, so its user keeps the progress, but later events of that user
     * in the same unit of work were evaluated from the progress used up. Thrown before anything is written: the unit
     * is recorded again event by event, each from the progress the one before left (rare: one user's several events
     * in one batch, with the money running out between them).
     */
    static final class KeptProgressFollowed extends RuntimeException {

        KeptProgressFollowed(Completion completion) {
            super("a completion of moment " + completion.moment().id() + " keeps its progress, which later events of"
                    + " the same unit did not start from", null, false, false);
        }
    }

    /** What became of one completion: its award, or the reason it was refused. */
    record Payment(AwardView award, Refusal refusal) {
    }

    /** How a paying transaction locks the money it moves. */
    enum Locking {
        /**
         * Each capped partner's row and each budget's row locked before anything is decided, and held to the end:
         * what direct awards do, and a unit of events whose money moved under it.
         */
        FIRST,
        /**
         * Decided against the budgets and caps as read, unlocked; the money moves in the transaction's last statements
         * ({@link Paying#moveMoney}), each budget's lock taken by its own conditional UPDATE, which also checks that
         * nothing decided on has changed. If something has, {@link MoneyMoved} rolls the transaction back.
         */
        LAST
    }

    /**
     * The money a transaction that decided with {@link Locking#LAST} was to move has moved under it: a moment's status
     * or definition changed, or a budget or a partner's cap no longer covers what was decided. Nothing was written that
     * stays: the transaction is rolled back and its work is done again with {@link Locking#FIRST}, where the answers
     * come from under the locks.
     */
    static final class MoneyMoved extends RuntimeException {

        MoneyMoved(String what) {
            super(what, null, false, false);
        }
    }

    /** Completions decided, their awards written; the money moves with {@link #moveMoney}. */
    final class Paying {

        private final List<Payment> payments;
        private final Map<PartnerId, PartnerMonth> partners;
        private final Map<MomentId, BudgetAccount> accounts;
        private final Locking locking;
        private final YearMonth month;
        private final Instant now;

        private Paying(List<Payment> payments, Map<PartnerId, PartnerMonth> partners,
                       Map<MomentId, BudgetAccount> accounts, Locking locking, YearMonth month, Instant now) {
            this.payments = payments;
            this.partners = partners;
            this.accounts = accounts;
            this.locking = locking;
            this.month = month;
            this.now = now;
        }

        /** Each completion's payment, in their order. */
        List<Payment> payments() {
            return payments;
        }

        /**
         * Charges each capped partner (one conditional UPDATE apiece), then reserves on each budget in moment id order
         * (one conditional UPDATE apiece, with its ledger entries), then follows the budgets (a low budget told of
         * once, an exhausted moment moved). With {@link Locking#LAST} these are the transaction's last statements,
         * and a refusal by the store means the money moved since it was read ({@link MoneyMoved}); with
         * {@link Locking#FIRST} the locks make a refusal impossible, and one would roll back rather than overspend.
         */
        void moveMoney() {
            for (Map.Entry<PartnerId, PartnerMonth> entry : partners.entrySet()) {
                Money charged = entry.getValue().chargedHere();
                if (charged != null && charged.isPositive()
                        && spending.charge(entry.getKey(), charged, month) != PartnerSpending.Charge.CHARGED) {
                    throw moved("the monthly cap of partner " + entry.getKey() + " no longer covers " + charged);
                }
            }
            for (BudgetAccount account : accounts.values()) {
                reserve(account);
            }
            for (BudgetAccount account : accounts.values()) {
                // Locking last, an account that reserved nothing holds no lock on its budget: the transaction whose
                // reservation took the last money moves the moment (under that reservation's lock), not this one.
                if (locking == Locking.FIRST || !account.reservedFor().isEmpty()) {
                    follow(account, now);
                }
            }
        }

        private void reserve(BudgetAccount account) {
            MomentId momentId = account.moment().id();
            LocalDate day = LocalDate.ofInstant(now, account.moment().schedule().timezone());
            // one conditional UPDATE per price: one for a moment without variants; the row is held after the first
            if (locking == Locking.FIRST) {
                account.reservedByPrice().forEach((price, awardIds) -> {
                    BudgetLedger.Reservation reservation = ledger.reserveAll(momentId, price, awardIds, now, day);
                    if (reservation != BudgetLedger.Reservation.RESERVED) {
                        throw moved("the budget of moment " + momentId + " refused " + reservation);
                    }
                });
            } else if (!account.reservedFor().isEmpty()) {
                account.reservedByPrice().forEach((price, awardIds) -> account.reserved(ledger.reserveAllIfUnchanged(
                        momentId, account.generation(), price, awardIds, now, day)
                        .orElseThrow(() -> moved("the budget of moment " + momentId + " moved since it was read"))));
            } else if (account.booked() && !ledger.isUnchanged(momentId, account.generation())) {
                throw moved("moment " + momentId + " changed since it was read");
            }
        }

        private RuntimeException moved(String what) {
            return locking == Locking.FIRST
                    ? new ConcurrentWriteException(what + " under its lock", null) : new MoneyMoved(what);
        }
    }

    /**
     * Awards one completion, or refuses it with the reason, with the locks taken first.
     *
     * @throws NotEligibleException when a policy refuses it
     */
    AwardView award(Completion completion, Instant now) {
        Paying paying = pay(List.of(completion), now, Locking.FIRST);
        paying.moveMoney();
        Payment payment = paying.payments().get(0);
        if (payment.refusal() != null) {
            throw new NotEligibleException(payment.refusal());
        }
        return payment.award();
    }

    /**
     * Decides completions in their order, in the caller's transaction, and writes their awards and
     * {@code award.earned} events; the caller then moves the money for all of them, with one charge of each capped
     * partner and one reservation on each moment's budget ({@link Paying#moveMoney}): the answers are those of paying
     * them one after the other, but the budget's row is written once however many awards it pays for.
     *
     * <p>First the locks, in the documented order (docs/architecture.md): each partner's cap guard (and, locking first,
     * a capped partner's row), the advisory locks of the devices of moments with a per-device limit, then, locking
     * first, each moment's budget, in id order so that two units of work never wait for each other in a cycle. Each
     * moment is read again after its budget (the listening index may be stale; every status change and edit takes the
     * budget lock first and, locking last, moves its generation on). Each completion is then decided in memory against
     * that state. The money moves in one conditional UPDATE per capped partner and per budget: the store checks the
     * sums again, so no read in Java is trusted to stop an overspend.
     */
    Paying pay(List<Completion> completions, Instant now, Locking locking) {
        YearMonth month = SpendingMonth.of(now);
        if (completions.isEmpty()) {
            return new Paying(List.of(), Map.of(), Map.of(), locking, month, now);
        }
        Map<PartnerId, PartnerMonth> partners = new TreeMap<>(Comparator.comparing(PartnerId::value));
        Map<MomentId, BudgetAccount> accounts = new TreeMap<>(Comparator.comparing(MomentId::value));
        for (Completion completion : completions) {
            partners.putIfAbsent(completion.moment().partnerId(), null);
            accounts.computeIfAbsent(completion.moment().id(), id -> new BudgetAccount(completion.moment(), awards))
                    .expect(completion);
        }
        for (PartnerId partnerId : partners.keySet()) {
            partners.put(partnerId, new PartnerMonth((locking == Locking.FIRST
                    ? spending.lockCap(partnerId, month) : spending.readCap(partnerId, month)).orElse(null)));
        }
        for (BudgetAccount account : accounts.values()) {
            account.lockLimited(now);
        }
        for (BudgetAccount account : accounts.values()) {
            if (locking == Locking.FIRST) {
                account.open(ledger, moments, now);
            } else {
                account.read(ledger, moments, now);
            }
        }

        Predicate<Completion> blocked = blocking.of(completions);
        List<Payment> payments = new ArrayList<>(completions.size());
        List<AwardRepository.Sealed> created = new ArrayList<>();
        List<AwardEarned> earned = new ArrayList<>();
        for (Completion completion : completions) {
            Payment payment = decide(completion, blocked.test(completion), accounts.get(completion.moment().id()),
                    partners.get(completion.moment().partnerId()), now, created);
            if (completion.followed() && payment.refusal() != null && payment.refusal().keepsProgress()) {
                throw new KeptProgressFollowed(completion);
            }
            if (payment.award() != null && payment.award().award().status() == AwardStatus.EARNED) {
                // one held for review is told of when approved
                earned.add(new AwardEarned(payment.award().award(), now, completion.notifyByEmail()));
            }
            payments.add(payment);
        }
        awards.insertAll(created);
        outbox.raiseAll(earned, ids);
        return new Paying(payments, partners, accounts, locking, month, now);
    }

    /** Decides one completion against what the locks guard; a paid one is booked in memory and issued. */
    private Payment decide(Completion completion, boolean blocked, BudgetAccount account, PartnerMonth partner,
                           Instant now, List<AwardRepository.Sealed> created) {
        Candidate candidate = account.candidate(completion, blocked, partner, now);
        Optional<Refusal> refusal = AwardPolicy.firstRefusal(candidate);
        if (refusal.isPresent()) {
            return new Payment(null, refusal.get());
        }
        List<RiskSignal> risk = RiskSignal.assess(candidate); // counted before this award is booked
        Money price = account.price(completion);
        if (!account.isTest()) {
            partner.charge(price);
        }
        AwardId awardId = issuer.nextId();
        int completionNumber = account.book(completion, price, awardId, now);
        AwardIssuer.Issued issued = issuer.issue(awardId, account.moment(), completion.payee(),
                completion.deviceId(), completionNumber, price, account.isTest(), completion.eventId(),
                completion.referral(), completion.variant(), now);
        AwardView view = issued.view();
        Award award = view.award().withRisk(risk);
        if (RiskSignal.heldForReview(risk)) {
            award = award.moveTo(AwardStatus.PENDING_REVIEW, now);
        }
        view = new AwardView(award, view.token(), view.announcement());
        created.add(new AwardRepository.Sealed(view.award(), issued.sealedToken(), completion.ipKey(),
                completion.notifyByEmail()));
        return new Payment(view, null);
    }

    /**
     * After the money moved: tells of a budget that has just become low (once per crossing), and moves a live moment
     * whose budget can no longer pay to EXHAUSTED.
     */
    private void follow(BudgetAccount account, Instant now) {
        if (account.isTest()) {
            return;
        }
        Budget budget = account.budget();
        if (!account.reservedFor().isEmpty() && budget.isLow() && ledger.markLowOnce(account.moment().id())) {
            outbox.raise(new BudgetLow(account.moment(), budget, now), ids);
        }
        if (account.moment().status() == MomentStatus.LIVE && !budget.canPayOneAction()) {
            follower.follow(account.moment().partnerId(), account.moment().id(), now);
        }
    }

    /** The award a completion would get, made but not stored: for dry runs. */
    AwardView hypothetical(Completion completion, Instant now) {
        Moment moment = completion.moment();
        boolean test = moment.status() == MomentStatus.TEST;
        Budget budget = ledger.find(moment.id()).orElseThrow();
        String payee = completion.payee();
        Money price = test ? Money.zero(budget.total().currency())
                : moment.costPerAction(completion.variant(), budget.costPerAction());
        AwardView view = issuer.hypothetical(moment, payee, completion.deviceId(),
                awards.countForUser(moment.id(), payee) + 1, price, test, completion.eventId(),
                completion.referral(), completion.variant(), now);
        Review review = moment.limits().review();
        Optional<RiskSignal> held = review == null ? Optional.empty() : RiskSignal.review(review, price);
        return held.map(signal -> new AwardView(view.award().withRisk(List.of(signal))
                .moveTo(AwardStatus.PENDING_REVIEW, now), view.token(), view.announcement())).orElse(view);
    }
}
