package dev.moments.application.service;

import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.BudgetLedger;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.Candidate;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.moment.Limits;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.referral.Referral;
import dev.moments.domain.shared.Money;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One moment's money and limits within a transaction that pays: its budget, status and definition as they stand
 * under the budget lock ({@link #open}) or as read before a reservation made last ({@link #read}), today's charges,
 * the users' awards so far, and the awards booked here. The policies are asked against this state
 * ({@link #candidate}), so completions decided one after the other in memory get the answers that paying them one by
 * one would give.
 */
final class BudgetAccount {

    private final AwardRepository awards;
    private final Set<String> users = new LinkedHashSet<>();
    private final List<AwardId> reservedFor = new ArrayList<>();
    private final Map<Money, List<AwardId>> reservedByPrice = new LinkedHashMap<>();
    private final Map<String, Instant> lastEarnedHere = new HashMap<>();
    private final Map<String, Integer> devices = new HashMap<>();
    private final Set<String> deviceIds = new TreeSet<>();
    /** Users paid for someone else's completion (referrers), whose awards are serialised by a lock of their own. */
    private final Set<String> payeesOfOthers = new TreeSet<>();
    /** The referrals paid here, each as "payee referee". */
    private final Set<List<String>> referralsPaidHere = new HashSet<>();
    /** The client addresses (their keys) of the expected completions, and their awards in the window, when limited. */
    private final Set<String> ipKeys = new TreeSet<>();
    private final Map<String, Integer> ips = new HashMap<>();
    /** Referrers' paid referrals (their {@code perUser} count), as counted under their locks and booked here. */
    private final Map<String, Integer> referralsPaid = new HashMap<>();
    private Moment moment;
    private Map<String, Integer> earned;
    private Budget budget;
    private Money chargedToday;
    private long generation;

    BudgetAccount(Moment moment, AwardRepository awards) {
        this.moment = moment;
        this.awards = awards;
    }

    /**
     * A completion this account will decide: the awards of the user it pays (and of its device, or {@code null}) are
     * read together when it opens.
     */
    void expect(Awarding.Completion completion) {
        users.add(completion.payee());
        if (completion.paysAnother()) {
            payeesOfOthers.add(completion.payee());
        }
        if (completion.deviceId() != null) {
            deviceIds.add(completion.deviceId());
        }
        if (completion.ipKey() != null) {
            ipKeys.add(completion.ipKey());
        }
    }

    /**
     * Takes the advisory locks of the users paid for others' completions (referrers: the progress rows that serialise
     * a user's own completions do not cover them), counting the referrals paid to them, then of the expected devices
     * when the moment (as the index knows it) limits awards per device, then of the expected client addresses when it
     * limits awards per address, counting their awards: each kind in one order, before the budget, in the documented
     * lock order. A device limit the moment read again turns out to have is locked for when a completion
     * asks ({@link Locked#awardsOnDevice}).
     */
    void lockLimited(Instant now) {
        for (String referrer : payeesOfOthers) {
            referralsPaid.put(referrer, awards.lockAndCountReferralsPaid(moment.id(), referrer));
        }
        if (moment.limits().perDevice() != null) {
            for (String deviceId : deviceIds) {
                devices.put(deviceId, awards.lockAndCountForDevice(moment.id(), deviceId));
            }
        }
        Limits.PerIp perIp = moment.limits().perIp();
        if (perIp != null) {
            for (String ipKey : ipKeys) {
                ips.put(ipKey, awards.lockAndCountForIp(moment.id(), ipKey, now.minus(perIp.within())));
            }
        }
    }

    /**
     * Takes the budget's lock and reads what it guards (the moment as it stands, the budget, today's charges), and
     * the users' awards so far.
     */
    void open(BudgetLedger ledger, MomentRepository moments, Instant now) {
        budget = ledger.lock(moment.id());
        // The definition too, not only the status: the index's copy may be older than an edit (limits, price,
        // time zone), and every edit takes this lock first.
        moment = moments.find(moment.partnerId(), moment.id()).orElse(moment);
        if (budget.dailyCap() != null && moment.status() == MomentStatus.LIVE) {
            chargedToday = ledger.state(moment.id(), moment.schedule().timezone(), now).spentToday();
        }
        earned = new HashMap<>(awards.countForUsers(moment.id(), users));
    }

    /**
     * Reads, without a lock, the budget with today's charges and its generation, then the moment as it stands (after
     * the generation: an edit or status change that this read misses moves the generation on, and the reservation
     * made last then fails), and the users' awards so far.
     */
    void read(BudgetLedger ledger, MomentRepository moments, Instant now) {
        ZoneId zone = moment.schedule().timezone();
        BudgetLedger.Unlocked unlocked = ledger.read(moment.id(), zone, now)
                .orElseThrow(() -> new NoSuchElementException("moment " + moment.id() + " has no budget"));
        budget = unlocked.budget();
        generation = unlocked.generation();
        moment = moments.find(moment.partnerId(), moment.id()).orElse(moment);
        if (budget.dailyCap() != null && moment.status() == MomentStatus.LIVE) {
            chargedToday = zone.equals(moment.schedule().timezone()) ? unlocked.chargedToday()
                    : ledger.state(moment.id(), moment.schedule().timezone(), now).spentToday();
        }
        earned = new HashMap<>(awards.countForUsers(moment.id(), users));
    }

    /** The budget's generation as {@link #read} found it. */
    long generation() {
        return generation;
    }

    /** The budget as the reservation left it. */
    void reserved(Budget after) {
        budget = after;
    }

    /** Whether an award was booked here (a moment in TEST books awards that reserve nothing). */
    boolean booked() {
        return !lastEarnedHere.isEmpty();
    }

    Moment moment() {
        return moment;
    }

    Budget budget() {
        return budget;
    }

    /** The awards booked here that reserve money, in booking order. */
    List<AwardId> reservedFor() {
        return reservedFor;
    }

    /** Whether completions of the moment are free: it is in TEST. */
    boolean isTest() {
        return moment.status() == MomentStatus.TEST;
    }

    /**
     * What the completion costs now: nothing in TEST, else the price of the user's variant, or the budget's price per
     * action (no variants, or one an edit removed since).
     */
    Money price(Awarding.Completion completion) {
        if (isTest()) {
            return Money.zero(budget.total().currency());
        }
        return moment.costPerAction(completion.variant(), budget.costPerAction());
    }

    /** The awards booked here that reserve money, by price, each group in booking order. */
    Map<Money, List<AwardId>> reservedByPrice() {
        return reservedByPrice;
    }

    /**
     * Books an award in memory (its reservation, today's charges, the paid user's and the device's counts, a
     * referral's payment) and answers its completion number for the paid user.
     */
    int book(Awarding.Completion completion, Money price, AwardId awardId, Instant now) {
        String userId = completion.payee();
        // one referral is one use of its device, however many of its awards are paid
        String deviceId = referrersAwardBookedHere(completion) ? null : completion.deviceId();
        if (completion.referral() != null) {
            referralsPaidHere.add(List.of(userId, completion.referral().referee()));
        }
        if (completion.paysAnother()) {
            referralsPaid.merge(userId, 1, Integer::sum);
        }
        if (!isTest()) {
            budget = budget.reserve(price);
            if (chargedToday != null) {
                chargedToday = chargedToday.plus(price);
            }
            reservedFor.add(awardId);
            reservedByPrice.computeIfAbsent(price, p -> new ArrayList<>()).add(awardId);
        }
        lastEarnedHere.put(userId, now);
        if (deviceId != null) {
            devices.computeIfPresent(deviceId, (device, count) -> count + 1);
        }
        if (completion.ipKey() != null && !referrersAwardBookedHere(completion)) {
            ips.computeIfPresent(completion.ipKey(), (ip, count) -> count + 1);
        }
        return earned.merge(userId, 1, Integer::sum);
    }

    /** Whether the completion is a referee's own award whose referral's award to the referrer was booked here. */
    private boolean referrersAwardBookedHere(Awarding.Completion completion) {
        return completion.toReferee() && referralsPaidHere.contains(
                List.of(completion.referral().referrer(), completion.referral().referee()));
    }

    /**
     * The completion as the policies see it from under the locks, counting the awards booked here. Concurrent
     * completions of one user are serialised by the user's progress row and, as a last resort, the unique
     * (moment, user, completion) key; those of one device by {@link AwardRepository#lockAndCountForDevice}; those
     * paying one referrer by {@link AwardRepository#lockAndCountReferralsPaid}. Whether the partner's blocklist names
     * it is asked of the blocklist once for the unit ({@code blocked}).
     */
    Candidate candidate(Awarding.Completion completion, boolean blocked, PartnerMonth partner, Instant now) {
        return new Locked(completion, blocked, partner, now);
    }

    /** A completion decided against this account. */
    private final class Locked implements Candidate {

        private final Awarding.Completion completion;
        private final boolean blocked;
        private final PartnerMonth partner;
        private final Instant now;

        Locked(Awarding.Completion completion, boolean blocked, PartnerMonth partner, Instant now) {
            this.completion = completion;
            this.blocked = blocked;
            this.partner = partner;
            this.now = now;
        }

        @Override
        public Moment moment() {
            return moment;
        }

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public Instant completedAt() {
            return completion.completedAt();
        }

        @Override
        public String userId() {
            return completion.userId();
        }

        @Override
        public Optional<Referral> referral() {
            return Optional.ofNullable(completion.referral());
        }

        @Override
        public boolean toReferee() {
            return completion.toReferee();
        }

        @Override
        public boolean referrerSharesDevice() {
            return completion.referrerSharesDevice();
        }

        @Override
        public boolean referralPaid() {
            String referee = completion.referral().referee();
            // the referee's progress row serialises their completions: what is stored cannot change meanwhile
            return referralsPaidHere.contains(List.of(completion.payee(), referee))
                    || awards.referralPaid(moment.id(), referee, completion.payee());
        }

        @Override
        public String deviceId() {
            return completion.deviceId();
        }

        @Override
        public boolean blocked() {
            return blocked;
        }

        @Override
        public boolean testUser() {
            return completion.testUser();
        }

        @Override
        public boolean inAudience() {
            return completion.inAudience();
        }

        @Override
        public int awardsOfUser() {
            if (completion.paysAnother()) {
                return referralsPaid.getOrDefault(completion.payee(), 0); // a referrer's limit counts referrals
            }
            // a referee's own award is limited by its referral, paid once to each side
            return completion.toReferee() ? 0 : earned.getOrDefault(completion.payee(), 0);
        }

        @Override
        public Optional<Instant> lastAwardOfUser() {
            return Optional.ofNullable(lastEarnedHere.get(completion.payee()))
                    .or(() -> awards.lastEarnedAt(moment.id(), completion.payee()));
        }

        @Override
        public int awardsOnDevice() {
            int counted = devices.computeIfAbsent(completion.deviceId(),
                    device -> awards.lockAndCountForDevice(moment.id(), device));
            // the referee's own award is the same use of the device as its referrer's, booked just before
            return referrersAwardBookedHere(completion) ? counted - 1 : counted;
        }

        @Override
        public String ip() {
            return completion.ipKey();
        }

        @Override
        public int awardsFromIp() {
            Limits.PerIp perIp = moment.limits().perIp();
            int counted = ips.computeIfAbsent(completion.ipKey(), ip -> awards.lockAndCountForIp(moment.id(), ip,
                    now.minus(perIp.within())));
            return referrersAwardBookedHere(completion) ? counted - 1 : counted;
        }

        @Override
        public Optional<Instant> accountCreatedAt() {
            return Optional.ofNullable(completion.accountCreatedAt());
        }

        @Override
        public Budget budget() {
            return budget;
        }

        @Override
        public Money price() {
            return BudgetAccount.this.price(completion);
        }

        @Override
        public Money chargedToday() {
            return chargedToday;
        }

        @Override
        public Optional<Money> monthlyRoom() {
            return partner.room();
        }
    }
}
