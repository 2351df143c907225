package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.fixtures.InMemoryMoments;
import dev.moments.application.fixtures.RandomSecrets;
import dev.moments.application.fixtures.SequentialIds;
import dev.moments.application.port.in.AuthenticatePartnerUseCase;
import dev.moments.application.port.in.CreatePartnerCommand;
import dev.moments.application.port.in.CreatePartnerUseCase.PartnerCreated;
import dev.moments.application.port.in.CreateRewardCommand;
import dev.moments.application.port.in.ManageApiKeysUseCase.IssuedKey;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.domain.partner.ApiKey;
import dev.moments.domain.partner.ApiKeyId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.partner.Scope;
import dev.moments.domain.shared.InvalidValueException;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PartnerServiceTest {

    private final InMemoryMoments app = new InMemoryMoments();

    @Test
    void aNewPartnerGetsALongRandomKeyThatAuthenticatesIt() {
        PartnerCreated created = app.partners.create(new CreatePartnerCommand("Acme Games", "USD"));
        assertThat(created.partner().id().value()).startsWith("ptn_");
        assertThat(created.apiKey()).startsWith("mk_").hasSizeGreaterThanOrEqualTo(40);
        assertThat(app.partners.authenticate(created.apiKey())).contains(created.partner().id());
    }

    @Test
    void theKeyIsNotStoredInClear() {
        PartnerCreated created = app.partners.create(new CreatePartnerCommand("Acme Games", "USD"));
        assertThat(app.partnerRepository.findKey(created.partner().id(), created.keyId()).orElseThrow().digest().hex())
                .doesNotContain(created.apiKey().substring(3));
    }

    @Test
    void aWrongOrMissingKeyAuthenticatesNobody() {
        app.partners.create(new CreatePartnerCommand("Acme Games", "USD"));
        assertThat(app.partners.authenticate("mk_wrong")).isEmpty();
        assertThat(app.partners.authenticate("")).isEmpty();
        assertThat(app.partners.authenticate(null)).isEmpty();
    }

    @Test
    void aRevokedKeyNoLongerAuthenticatesButAnotherKeyDoes() {
        PartnerCreated created = app.partners.create(new CreatePartnerCommand("Acme Games", "USD"));
        IssuedKey second = app.partners.issue(created.partner().id(), Scope.ALL);
        app.partners.revoke(created.partner().id(), created.keyId());

        assertThat(app.partners.authenticate(created.apiKey())).isEmpty();
        assertThat(app.partners.authenticate(second.apiKey())).contains(created.partner().id());
    }

    @Test
    void keysAreIssuedAndRevokedForAPartnerAndKeyThatExist() {
        PartnerCreated created = app.partners.create(new CreatePartnerCommand("Acme Games", "USD"));
        PartnerId other = app.partners.create(new CreatePartnerCommand("Other", "USD")).partner().id();

        assertThatThrownBy(() -> app.partners.issue(new PartnerId("ptn_none"), Scope.ALL))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> app.partners.revoke(created.partner().id(), new ApiKeyId("key_none")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> app.partners.revoke(other, created.keyId())).isInstanceOf(NotFoundException.class);
        assertThat(app.partners.authenticate(created.apiKey())).contains(created.partner().id());
    }

    @Test
    void withAKeyMaxAge_aKeyFoundActiveIsKnownFromMemory_untilThisInstanceRevokesItOrItsAgePasses() {
        long[] now = {0};
        PartnerService partners = new PartnerService(app.partnerRepository, app.spending, new SequentialIds(),
                new RandomSecrets(), app.clock, app.transactions, Duration.ofSeconds(1), () -> now[0]);
        PartnerCreated created = partners.create(new CreatePartnerCommand("Acme Games", "USD"));
        assertThat(partners.callerFromMemory(created.apiKey())).as("never looked up yet").isEmpty();
        assertThat(partners.authenticate(created.apiKey())).contains(created.partner().id());
        assertThat(partners.callerFromMemory(created.apiKey()).map(AuthenticatePartnerUseCase.Caller::partnerId))
                .contains(created.partner().id());

        // revoked in the store by another instance: trusted here until the max age has passed
        ApiKey stored = app.partnerRepository.findKey(created.partner().id(), created.keyId()).orElseThrow();
        app.partnerRepository.updateKey(stored.revokedAt(app.clock.now()));
        assertThat(partners.authenticate(created.apiKey())).contains(created.partner().id());
        now[0] += Duration.ofSeconds(1).toNanos();
        assertThat(partners.authenticate(created.apiKey())).isEmpty();
        assertThat(partners.callerFromMemory(created.apiKey())).isEmpty();

        // revoked through this instance: refused at once
        IssuedKey second = partners.issue(created.partner().id(), Scope.ALL);
        assertThat(partners.authenticate(second.apiKey())).contains(created.partner().id());
        partners.revoke(created.partner().id(), second.id());
        assertThat(partners.callerFromMemory(second.apiKey())).isEmpty();
        assertThat(partners.authenticate(second.apiKey())).isEmpty();
        assertThat(partners.callerFromMemory("mk_wrong")).isEmpty();
        assertThat(partners.callerFromMemory(null)).isEmpty();
    }

    @Test
    void anUnknownCurrencyIsRefused() {
        assertThatThrownBy(() -> app.partners.create(new CreatePartnerCommand("Acme", "ZZZ")))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("currency");
    }

    @Test
    void rewardsArePricedInThePartnersCurrencyWithAKnownKindAndProvider() {
        var partner = app.partners.create(new CreatePartnerCommand("Acme", "USD")).partner().id();
        assertThatThrownBy(() -> app.rewards.create(new CreateRewardCommand(partner, "Credit", "CREDIT", "5.00", "EUR",
                Set.of(), "sandbox", null, null))).isInstanceOf(InvalidValueException.class)
                .extracting("field").isEqualTo("currency");
        assertThatThrownBy(() -> app.rewards.create(new CreateRewardCommand(partner, "Credit", "SHOES", "5.00", "USD",
                Set.of(), "sandbox", null, null))).isInstanceOf(InvalidValueException.class)
                .extracting("field").isEqualTo("kind");
        assertThatThrownBy(() -> app.rewards.create(new CreateRewardCommand(partner, "Credit", "CREDIT", "-5.00", "USD",
                Set.of(), "sandbox", null, null))).isInstanceOf(InvalidValueException.class)
                .extracting("field").isEqualTo("cost");
        assertThatThrownBy(() -> app.rewards.create(new CreateRewardCommand(partner, "Credit", "CREDIT", "5.00", "USD",
                Set.of(), "pigeon", null, null))).isInstanceOf(InvalidValueException.class)
                .extracting("field").isEqualTo("fulfillment.provider");
    }
}
