package dev.moments.application.service;

import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.NotEligibleException;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.BudgetLedger;
import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.PartnerSpending;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardPolicy;
import dev.moments.domain.award.Refusal;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.events.AwardEarned;
import dev.moments.domain.events.BudgetLow;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.partner.SpendingMonth;
import dev.moments.domain.shared.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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

    public Awarding(MomentRepository moments, AwardRepository awards, BudgetLedger ledger, PartnerSpending spending,
                    AwardIssuer issuer, BudgetFollower follower, DomainEventOutbox outbox, IdGenerator ids) {
        this.moments = moments;
        this.awards = awards;
        this.ledger = ledger;
        this.spending = spending;
        this.issuer = issuer;
        this.follower = follower;
        this.outbox = outbox;
        this.ids = ids;
    }

    /**
     * A completion to pay for: a user (and device) who completed a moment, through an event or directly.
     *
     * @param completedAt the event's {@code occurredAt}, or now for a direct award
     * @param testUser whether the partner flags the user as a test user
     * @param inAudience whether the user is in the moment's audience (the event path admits only such users)
     * @param followed whether later events of the user in the same unit of work were evaluated from the progress
     *                 this completion used up: a refusal that keeps the progress cannot then be applied in place
     */
    record Completion(Moment moment, String userId, String deviceId, String eventId, Instant completedAt,
                      boolean testUser, boolean inAudience, boolean followed) {

        /** A completion nothing followed in its unit of work: a single event's, or a direct award. */
        Completion(Moment moment, String userId, String deviceId, String eventId, Instant completedAt,
                   boolean testUser, boolean inAudience) {
            this(moment, userId, deviceId, eventId, completedAt, testUser, inAudience, false);
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

    /**
     * Awards one completion, or refuses it with the reason.
     *
     * @throws NotEligibleException when a policy refuses it
     */
    AwardView award(Completion completion, Instant now) {
        Payment payment = awardAll(List.of(completion), now).get(0);
        if (payment.refusal() != null) {
            throw new NotEligibleException(payment.refusal());
        }
        return payment.award();
    }

    /**
     * Pays for completions in their order, in the caller's transaction, with one charge of each partner and one
     * reservation on each moment's budget for all of them: the answers are those of paying them one after the
     * other, but the budget's row is written once however many awards it pays for.
     *
     * <p>First the locks, in the documented order (docs/architecture.md): each partner's spending, then each moment's
     * budget, in id order so that two units of work never wait for each other in a cycle; each moment is read again
     * under its budget lock (the listening index may be stale, and every status change and edit takes that lock
     * first). What the locks guard — the budget, the partner's month, today's charges — cannot change until this
     * transaction ends, so each completion is decided in memory against it. Then the money moves in one conditional
     * UPDATE per partner and per budget (the store checks the sums again: no read in Java is trusted to stop an
     * overspend) and the awards are written together.
     */
    List<Payment> awardAll(List<Completion> completions, Instant now) {
        if (completions.isEmpty()) {
            return List.of();
        }
        YearMonth month = SpendingMonth.of(now);
        Map<PartnerId, PartnerMonth> partners = new TreeMap<>(Comparator.comparing(PartnerId::value));
        Map<MomentId, BudgetAccount> accounts = new TreeMap<>(Comparator.comparing(MomentId::value));
        for (Completion completion : completions) {
            partners.putIfAbsent(completion.moment().partnerId(), null);
            accounts.computeIfAbsent(completion.moment().id(), id -> new BudgetAccount(completion.moment(), awards))
                    .expect(completion.userId());
        }
        for (PartnerId partnerId : partners.keySet()) {
            partners.put(partnerId, new PartnerMonth(spending.lockCap(partnerId, month).orElse(null)));
        }
        for (BudgetAccount account : accounts.values()) {
            account.open(ledger, moments, now);
        }

        List<Payment> payments = new ArrayList<>(completions.size());
        List<AwardRepository.Sealed> created = new ArrayList<>();
        for (Completion completion : completions) {
            Payment payment = decide(completion, accounts.get(completion.moment().id()),
                    partners.get(completion.moment().partnerId()), now, created);
            if (completion.followed() && payment.refusal() != null && payment.refusal().keepsProgress()) {
                throw new KeptProgressFollowed(completion);
            }
            payments.add(payment);
        }

        for (Map.Entry<PartnerId, PartnerMonth> entry : partners.entrySet()) {
            Money charged = entry.getValue().chargedHere();
            if (charged != null && charged.isPositive()
                    && spending.charge(entry.getKey(), charged, month) != PartnerSpending.Charge.CHARGED) {
                throw new ConcurrentWriteException("the monthly cap of partner " + entry.getKey()
                        + " changed under its lock", null);
            }
        }
        for (BudgetAccount account : accounts.values()) {
            if (!account.reservedFor().isEmpty()) {
                BudgetLedger.Reservation reservation = ledger.reserveAll(account.moment().id(),
                        account.budget().costPerAction(), account.reservedFor(), now,
                        LocalDate.ofInstant(now, account.moment().schedule().timezone()));
                if (reservation != BudgetLedger.Reservation.RESERVED) {
                    throw new ConcurrentWriteException("the budget of moment " + account.moment().id()
                            + " changed under its lock (" + reservation + ")", null);
                }
            }
        }
        awards.insertAll(created);
        outbox.raiseAll(created.stream().map(award -> new AwardEarned(award.award(), now)).toList(), ids);
        for (BudgetAccount account : accounts.values()) {
            follow(account, now);
        }
        return payments;
    }

    /** Decides one completion against what the locks guard; a paid one is booked in memory and issued. */
    private Payment decide(Completion completion, BudgetAccount account, PartnerMonth partner, Instant now,
                           List<AwardRepository.Sealed> created) {
        Optional<Refusal> refusal = AwardPolicy.firstRefusal(account.candidate(completion, partner, now));
        if (refusal.isPresent()) {
            return new Payment(null, refusal.get());
        }
        Money price = account.price();
        if (!account.isTest()) {
            partner.charge(price);
        }
        AwardId awardId = issuer.nextId();
        int completionNumber = account.book(completion.userId(), completion.deviceId(), price, awardId, now);
        AwardIssuer.Issued issued = issuer.issue(awardId, account.moment(), completion.userId(),
                completion.deviceId(), completionNumber, price, account.isTest(), completion.eventId(), now);
        created.add(new AwardRepository.Sealed(issued.view().award(), issued.sealedToken()));
        return new Payment(issued.view(), null);
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
    AwardView hypothetical(Moment moment, String userId, String deviceId, String eventId, Instant now) {
        boolean test = moment.status() == MomentStatus.TEST;
        Budget budget = ledger.find(moment.id()).orElseThrow();
        return issuer.hypothetical(moment, userId, deviceId, awards.countForUser(moment.id(), userId) + 1,
                test ? Money.zero(budget.total().currency()) : budget.costPerAction(), test, eventId, now);
    }
}
