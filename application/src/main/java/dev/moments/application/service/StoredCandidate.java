package dev.moments.application.service;

import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.BudgetLedger;
import dev.moments.application.port.out.PartnerSpending;
import dev.moments.domain.award.Candidate;
import dev.moments.domain.budget.Budget;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.partner.SpendingMonth;
import dev.moments.domain.referral.Referral;
import dev.moments.domain.shared.Money;
import java.time.Instant;
import java.util.Optional;

/**
 * A completion as the stores have it now, read lazily and once each: what a preview, a dry run or an explanation asks
 * the award policies about, outside the locks a payment takes (so its answer may be overtaken by a concurrent one).
 */
final class StoredCandidate implements Candidate {

    private final Moment moment;
    private final String userId;
    private final String deviceId;
    private final boolean testUser;
    private final boolean inAudience;
    private final Instant completedAt;
    private final Instant now;
    private final AwardRepository awards;
    private final BudgetLedger ledger;
    private final PartnerSpending spending;
    private Referral referral;
    private boolean toReferee;
    private boolean referrerSharesDevice;
    private String variant;
    private String ipKey;
    private Instant accountCreatedAt;
    private boolean blocked;
    private Budget budget;

    /**
     * @param moment the moment as it stands (its status included)
     * @param testUser whether the user is flagged as a test user ({@code false} when unknown: explanations)
     * @param inAudience whether the user is in the audience ({@code true} when it cannot be told: explanations)
     */
    StoredCandidate(Moment moment, String userId, String deviceId, boolean testUser, boolean inAudience,
                    Instant completedAt, Instant now, Stores stores) {
        this.moment = moment;
        this.userId = userId;
        this.deviceId = deviceId;
        this.testUser = testUser;
        this.inAudience = inAudience;
        this.completedAt = completedAt;
        this.now = now;
        this.awards = stores.awards();
        this.ledger = stores.ledger();
        this.spending = stores.spending();
    }

    /**
     * The same completion of a referral moment by a referee: referred by {@code referral} (or by nobody, when
     * {@code null}), paying the referrer or, with {@code toReferee}, the referee.
     */
    StoredCandidate referring(Referral referral, boolean toReferee, boolean referrerSharesDevice) {
        this.referral = referral;
        this.toReferee = toReferee;
        this.referrerSharesDevice = referrerSharesDevice;
        return this;
    }

    /** The same completion from a client address ({@code ipKey}, or unknown) by an account created then (or unknown). */
    StoredCandidate from(String ipKey, Instant accountCreatedAt) {
        this.ipKey = ipKey;
        this.accountCreatedAt = accountCreatedAt;
        return this;
    }

    /** The same completion, named by the partner's blocklist or not. */
    StoredCandidate blocked(boolean blocked) {
        this.blocked = blocked;
        return this;
    }

    @Override
    public boolean blocked() {
        return blocked;
    }

    @Override
    public String ip() {
        return ipKey;
    }

    @Override
    public int awardsFromIp() {
        // outside a transaction it only counts; a dry run's transaction holds the lock until it ends
        return awards.lockAndCountForIp(moment.id(), ipKey, now.minus(moment.limits().perIp().within()));
    }

    @Override
    public Optional<Instant> accountCreatedAt() {
        return Optional.ofNullable(accountCreatedAt);
    }

    /** The same completion by a user of the moment's {@code variant} (a name, or {@code null}), at its price. */
    StoredCandidate inVariant(String variant) {
        this.variant = variant;
        return this;
    }

    @Override
    public Money price() {
        return moment.costPerAction(variant, budget().costPerAction());
    }

    /** The user the award is for. */
    private String payee() {
        return referral == null ? userId : referral.payee(toReferee);
    }

    @Override
    public Optional<Referral> referral() {
        return Optional.ofNullable(referral);
    }

    @Override
    public boolean toReferee() {
        return toReferee;
    }

    @Override
    public boolean referrerSharesDevice() {
        return referrerSharesDevice;
    }

    @Override
    public boolean referralPaid() {
        return referral != null && awards.referralPaid(moment.id(), referral.referee(), payee());
    }

    /** The stores a candidate reads. */
    record Stores(AwardRepository awards, BudgetLedger ledger, PartnerSpending spending) {
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
        return completedAt;
    }

    @Override
    public String userId() {
        return userId;
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
        if (referral != null) { // a referrer's limit counts their referrals; a referee's award is limited by its own
            return toReferee ? 0 : awards.countReferralsPaid(moment.id(), payee());
        }
        return awards.countForUser(moment.id(), payee());
    }

    @Override
    public Optional<Instant> lastAwardOfUser() {
        return awards.lastEarnedAt(moment.id(), payee());
    }

    @Override
    public int awardsOnDevice() {
        return awards.lockAndCountForDevice(moment.id(), deviceId); // outside a transaction it only counts
    }

    @Override
    public Budget budget() {
        if (budget == null) {
            budget = ledger.find(moment.id()).orElseThrow();
        }
        return budget;
    }

    @Override
    public Money chargedToday() {
        return ledger.state(moment.id(), moment.schedule().timezone(), now).spentToday();
    }

    @Override
    public Optional<Money> monthlyRoom() {
        return spending.cap(moment.partnerId(), SpendingMonth.of(now)).map(cap -> cap.limit().minus(cap.charged()));
    }
}
