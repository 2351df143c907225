package dev.moments.domain.partner;

import static dev.moments.domain.fixtures.Fixtures.NOW;
import static dev.moments.domain.fixtures.Fixtures.USD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

class PartnerTest {

    @Test
    void aPartnerNeedsAName() {
        assertThatThrownBy(() -> new Partner(new PartnerId("ptn_1"), "  ", USD, NOW))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("name");
    }

    @Test
    void anApiKeyIsStoredAsItsSha256DigestOnly() {
        ApiKeyDigest digest = ApiKeyDigest.of("mk_secret");
        assertThat(digest.hex()).hasSize(64).isEqualTo(ApiKeyDigest.of("mk_secret").hex())
                .isNotEqualTo(ApiKeyDigest.of("mk_secreT").hex());
    }

    @Test
    void aRevokedKeyIsNoLongerActiveAndKeepsItsFirstRevocationTime() {
        ApiKey key = new ApiKey(new ApiKeyId("key_1"), new PartnerId("ptn_1"), ApiKeyDigest.of("mk_x"), NOW, null);
        ApiKey revoked = key.revokedAt(NOW.plusSeconds(5));
        assertThat(key.isActive()).isTrue();
        assertThat(revoked.isActive()).isFalse();
        assertThat(revoked.revokedAt(NOW.plusSeconds(10)).revokedAt()).isEqualTo(NOW.plusSeconds(5));
    }
}
