package dev.moments.application.service;

import dev.moments.application.port.in.AuthenticatePartnerUseCase;
import dev.moments.application.port.in.CreatePartnerCommand;
import dev.moments.application.port.in.CreatePartnerUseCase;
import dev.moments.application.port.in.GetPartnerQuery;
import dev.moments.application.port.in.ManageApiKeysUseCase;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.PartnerView;
import dev.moments.application.port.in.SetMonthlyCapUseCase;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.PartnerRepository;
import dev.moments.application.port.out.PartnerSpending;
import dev.moments.application.port.out.SecretGenerator;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.partner.ApiKey;
import dev.moments.domain.partner.ApiKeyDigest;
import dev.moments.domain.partner.ApiKeyId;
import dev.moments.domain.partner.Partner;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.partner.Scope;
import dev.moments.domain.partner.SpendingMonth;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Registers partners, looks after their API keys, which are stored only as digests, and their monthly spending caps.
 */
public final class PartnerService implements CreatePartnerUseCase, ManageApiKeysUseCase, AuthenticatePartnerUseCase,
        GetPartnerQuery, SetMonthlyCapUseCase {

    /** The field a monthly cap is given in. */
    static final String MONTHLY_CAP_FIELD = "monthlyCap";

    private final PartnerRepository partners;
    private final PartnerSpending spending;
    private final IdGenerator ids;
    private final SecretGenerator secrets;
    private final Clock clock;
    private final Transactions transactions;
    private final RecentKeys recentKeys;

    /** Every key presented is looked up in the store. */
    public PartnerService(PartnerRepository partners, PartnerSpending spending, IdGenerator ids,
                          SecretGenerator secrets, Clock clock, TransactionRunner transactions) {
        this(partners, spending, ids, secrets, clock, transactions, Duration.ZERO, System::nanoTime);
    }

    /**
     * @param keyMaxAge how long a key found active may be trusted without asking the store again; a key revoked
     *     through another instance stops working here within it
     * @param nanoTime a monotonic clock in nanoseconds for {@code keyMaxAge}, such as {@code System::nanoTime}
     */
    public PartnerService(PartnerRepository partners, PartnerSpending spending, IdGenerator ids,
                          SecretGenerator secrets, Clock clock, TransactionRunner transactions, Duration keyMaxAge,
                          LongSupplier nanoTime) {
        this.partners = partners;
        this.spending = spending;
        this.ids = ids;
        this.secrets = secrets;
        this.clock = clock;
        this.transactions = new Transactions(transactions);
        this.recentKeys = new RecentKeys(keyMaxAge, nanoTime);
    }

    @Override
    public PartnerCreated create(CreatePartnerCommand command) {
        Instant now = clock.now();
        Partner partner = new Partner(new PartnerId(ids.next(PartnerId.PREFIX)), command.name(),
                Money.currency(command.currency()), now);
        Money cap = command.monthlyCap() == null ? null : monthlyCap(command.monthlyCap(), partner.currency());
        return transactions.run(() -> {
            partners.insert(partner);
            if (cap != null) {
                spending.setCap(partner.id(), cap, SpendingMonth.of(now));
            }
            IssuedKey key = newKey(partner.id(), Scope.ALL, now);
            return new PartnerCreated(partner, key.id(), key.apiKey(), cap);
        });
    }

    @Override
    public PartnerView get(PartnerId partnerId) {
        return transactions.run(() -> view(partner(partnerId), clock.now()));
    }

    @Override
    public PartnerView setMonthlyCap(PartnerId partnerId, String monthlyCap) {
        return transactions.run(() -> {
            Partner partner = partner(partnerId);
            Money cap = monthlyCap == null ? null : monthlyCap(monthlyCap, partner.currency());
            Instant now = clock.now();
            spending.setCap(partnerId, cap, SpendingMonth.of(now));
            return view(partner, now);
        });
    }

    private Partner partner(PartnerId partnerId) {
        return partners.find(partnerId).orElseThrow(() -> new NotFoundException("partner", partnerId));
    }

    private PartnerView view(Partner partner, Instant now) {
        YearMonth month = SpendingMonth.of(now);
        Money cap = spending.cap(partner.id(), month).map(PartnerSpending.Cap::limit).orElse(null);
        return new PartnerView(partner, cap, month, spending.charged(partner.id(), month));
    }

    /** A cap as given: a positive amount in the partner's currency. */
    private static Money monthlyCap(String given, Currency currency) {
        Money cap;
        try {
            cap = Money.of(given, currency);
        } catch (InvalidValueException e) {
            throw new InvalidValueException(MONTHLY_CAP_FIELD, e.getMessage());
        }
        if (!cap.isPositive()) {
            throw new InvalidValueException(MONTHLY_CAP_FIELD, "monthlyCap must be more than zero, got "
                    + cap.toDecimalString() + "; send null to remove the cap");
        }
        return cap;
    }

    @Override
    public IssuedKey issue(PartnerId partnerId, Set<Scope> scopes) {
        return transactions.run(() -> {
            partners.find(partnerId).orElseThrow(() -> new NotFoundException("partner", partnerId));
            return newKey(partnerId, scopes, clock.now());
        });
    }

    @Override
    public List<ApiKey> keys(PartnerId partnerId) {
        return transactions.run(() -> {
            partners.find(partnerId).orElseThrow(() -> new NotFoundException("partner", partnerId));
            return partners.keys(partnerId);
        });
    }

    @Override
    public void revoke(PartnerId partnerId, ApiKeyId keyId) {
        ApiKey revoked = transactions.run(() -> {
            ApiKey key = partners.findKey(partnerId, keyId).orElseThrow(() -> new NotFoundException("key", keyId));
            partners.updateKey(key.revokedAt(clock.now()));
            return key;
        });
        recentKeys.forget(revoked.digest());
    }

    @Override
    public Optional<Caller> caller(String presentedKey) {
        if (!looksLikeAKey(presentedKey)) {
            return Optional.empty();
        }
        ApiKeyDigest digest = ApiKeyDigest.of(presentedKey);
        Optional<Caller> recent = recentKeys.find(digest);
        if (recent.isPresent()) {
            return recent;
        }
        long beforeLookup = recentKeys.beforeLookup();
        Optional<ApiKey> key = partners.findKeyByDigest(digest).filter(ApiKey::isActive);
        key.ifPresent(this::used);
        Optional<Caller> caller = key.map(found -> new Caller(found.partnerId(), found.id(), found.scopes()));
        caller.ifPresent(found -> recentKeys.active(digest, found, beforeLookup));
        return caller;
    }

    @Override
    public Optional<Caller> callerFromMemory(String presentedKey) {
        return looksLikeAKey(presentedKey) ? recentKeys.find(ApiKeyDigest.of(presentedKey)) : Optional.empty();
    }

    /**
     * Notes a key's use, once per lookup rather than per request (so to within the cache's age and a minute); best
     * effort: a write that fails (a lock wait, a read-only replica) never fails the request the key authenticates.
     */
    private void used(ApiKey key) {
        Instant now = clock.now();
        if (key.lastUsedAt() != null && !key.lastUsedAt().isBefore(now.minus(PartnerRepository.KEY_USE_GRANULARITY))) {
            return;
        }
        try {
            transactions.run(() -> {
                partners.keyUsed(key.id(), now);
                return null;
            });
        } catch (RuntimeException notNoted) {
            // the last use stays as it was; the next lookup notes it
        }
    }

    /** Worth hashing: present, and not longer than any key this service issues. */
    private static boolean looksLikeAKey(String presentedKey) {
        return presentedKey != null && !presentedKey.isBlank() && presentedKey.length() <= 200;
    }

    private IssuedKey newKey(PartnerId partnerId, Set<Scope> scopes, Instant now) {
        String plain = secrets.newApiKey();
        ApiKey key = new ApiKey(new ApiKeyId(ids.next(ApiKeyId.PREFIX)), partnerId, ApiKeyDigest.of(plain), now, null,
                scopes, null);
        partners.insertKey(key);
        return new IssuedKey(key.id(), plain);
    }
}
