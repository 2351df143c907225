package dev.moments.application.service;

import dev.moments.application.port.in.AuthenticatePartnerUseCase;
import dev.moments.application.port.in.CreatePartnerCommand;
import dev.moments.application.port.in.CreatePartnerUseCase;
import dev.moments.application.port.in.ManageApiKeysUseCase;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.PartnerRepository;
import dev.moments.application.port.out.SecretGenerator;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.partner.ApiKey;
import dev.moments.domain.partner.ApiKeyDigest;
import dev.moments.domain.partner.ApiKeyId;
import dev.moments.domain.partner.Partner;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.Money;
import java.time.Instant;
import java.util.Optional;

/** Registers partners and looks after their API keys, which are stored only as digests. */
public final class PartnerService implements CreatePartnerUseCase, ManageApiKeysUseCase, AuthenticatePartnerUseCase {

    private final PartnerRepository partners;
    private final IdGenerator ids;
    private final SecretGenerator secrets;
    private final Clock clock;
    private final Transactions transactions;

    public PartnerService(PartnerRepository partners, IdGenerator ids, SecretGenerator secrets, Clock clock,
                          TransactionRunner transactions) {
        this.partners = partners;
        this.ids = ids;
        this.secrets = secrets;
        this.clock = clock;
        this.transactions = new Transactions(transactions);
    }

    @Override
    public PartnerCreated create(CreatePartnerCommand command) {
        Instant now = clock.now();
        Partner partner = new Partner(new PartnerId(ids.next(PartnerId.PREFIX)), command.name(),
                Money.currency(command.currency()), now);
        return transactions.run(() -> {
            partners.insert(partner);
            IssuedKey key = newKey(partner.id(), now);
            return new PartnerCreated(partner, key.id(), key.apiKey());
        });
    }

    @Override
    public IssuedKey issue(PartnerId partnerId) {
        return transactions.run(() -> {
            partners.find(partnerId).orElseThrow(() -> new NotFoundException("partner", partnerId));
            return newKey(partnerId, clock.now());
        });
    }

    @Override
    public void revoke(PartnerId partnerId, ApiKeyId keyId) {
        transactions.run(() -> {
            ApiKey key = partners.findKey(partnerId, keyId).orElseThrow(() -> new NotFoundException("key", keyId));
            partners.updateKey(key.revokedAt(clock.now()));
            return key;
        });
    }

    @Override
    public Optional<PartnerId> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank() || presentedKey.length() > 200) {
            return Optional.empty();
        }
        return partners.findKeyByDigest(ApiKeyDigest.of(presentedKey))
                .filter(ApiKey::isActive)
                .map(ApiKey::partnerId);
    }

    private IssuedKey newKey(PartnerId partnerId, Instant now) {
        String plain = secrets.newApiKey();
        ApiKey key = new ApiKey(new ApiKeyId(ids.next(ApiKeyId.PREFIX)), partnerId, ApiKeyDigest.of(plain), now, null);
        partners.insertKey(key);
        return new IssuedKey(key.id(), plain);
    }
}
