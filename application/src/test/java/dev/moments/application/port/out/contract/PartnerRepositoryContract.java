package dev.moments.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.domain.partner.ApiKey;
import dev.moments.domain.partner.ApiKeyDigest;
import dev.moments.domain.partner.ApiKeyId;
import dev.moments.domain.partner.Branding;
import dev.moments.domain.partner.Partner;
import dev.moments.domain.partner.PartnerId;
import org.junit.jupiter.api.Test;

/** What every {@code PartnerRepository} must do. */
public abstract class PartnerRepositoryContract extends ContractSupport {

    @Test
    void aStoredPartnerIsFoundAsItWasStored() {
        Partner partner = givenPartner();
        assertThat(tx(() -> ports().partners().find(partner.id()))).contains(partner);
    }

    @Test
    void anUnknownPartnerIsNotFound() {
        assertThat(tx(() -> ports().partners().find(new PartnerId(unique("ptn_"))))).isEmpty();
    }

    @Test
    void aKeyIsFoundByItsDigestAndOnlyByIt() {
        Partner partner = givenPartner();
        String secret = unique("mk_");
        ApiKey key = new ApiKey(new ApiKeyId(unique("key_")), partner.id(), ApiKeyDigest.of(secret), AT, null);
        txRun(() -> ports().partners().insertKey(key));

        assertThat(tx(() -> ports().partners().findKeyByDigest(ApiKeyDigest.of(secret)))).contains(key);
        assertThat(tx(() -> ports().partners().findKeyByDigest(ApiKeyDigest.of(secret + "x")))).isEmpty();
    }

    @Test
    void aRevokedKeyIsStoredAsRevoked() {
        Partner partner = givenPartner();
        String secret = unique("mk_");
        ApiKey key = new ApiKey(new ApiKeyId(unique("key_")), partner.id(), ApiKeyDigest.of(secret), AT, null);
        txRun(() -> ports().partners().insertKey(key));
        txRun(() -> ports().partners().updateKey(key.revokedAt(AT.plusSeconds(60))));

        assertThat(tx(() -> ports().partners().findKeyByDigest(ApiKeyDigest.of(secret))))
                .hasValueSatisfying(found -> assertThat(found.revokedAt()).isEqualTo(AT.plusSeconds(60)));
    }

    @Test
    void anotherPartnersKeyIsNotFoundById() {
        Partner owner = givenPartner();
        Partner other = givenPartner();
        ApiKey key = new ApiKey(new ApiKeyId(unique("key_")), owner.id(), ApiKeyDigest.of(unique("mk_")), AT, null);
        txRun(() -> ports().partners().insertKey(key));

        assertThat(tx(() -> ports().partners().findKey(owner.id(), key.id()))).contains(key);
        assertThat(tx(() -> ports().partners().findKey(other.id(), key.id()))).isEmpty();
    }

    @Test
    void twoKeysWithTheSameDigestCannotBeStored() {
        Partner partner = givenPartner();
        ApiKeyDigest digest = ApiKeyDigest.of(unique("mk_"));
        txRun(() -> ports().partners().insertKey(new ApiKey(new ApiKeyId(unique("key_")), partner.id(), digest, AT, null)));

        assertThatThrownBy(() -> txRun(() -> ports().partners()
                .insertKey(new ApiKey(new ApiKeyId(unique("key_")), partner.id(), digest, AT, null))))
                .isInstanceOf(ConcurrentWriteException.class);
    }

    @Test
    void aBrandingReplacesTheOneBefore_andBelongsToItsPartnerAlone() {
        Partner partner = givenPartner();
        Partner other = givenPartner();
        assertThat(tx(() -> ports().partners().findBranding(partner.id()))).isEmpty();

        txRun(() -> ports().partners().saveBranding(new Branding(partner.id(), "Acme", null, null, null)));
        Branding second = new Branding(partner.id(), "Acme Games", "https://cdn.acme.example/logo.png", "#1A56DB",
                "help@acme.example");
        txRun(() -> ports().partners().saveBranding(second));

        assertThat(tx(() -> ports().partners().findBranding(partner.id()))).contains(second);
        assertThat(tx(() -> ports().partners().findBranding(other.id()))).isEmpty();
    }
}
