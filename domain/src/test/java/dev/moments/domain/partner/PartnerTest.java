package dev.moments.domain.partner;

import static dev.moments.domain.fixtures.Fixtures.NOW;
import static dev.moments.domain.fixtures.Fixtures.USD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.domain.shared.InvalidValueException;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class PartnerTest {

    @Test
    void aPartnerNeedsAName() {
        assertThatThrownBy(() -> new Partner(new PartnerId("ptn_1"), "  ", USD, NOW))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("name");
    }

    @Test
    void aPartnersNameIsTrimmed() {
        assertThat(new Partner(new PartnerId("ptn_1"), "  Acme Games ", USD, NOW).name()).isEqualTo("Acme Games");
    }

    @Test
    void idsReadAsTheirValue_asMessagesNameThem() {
        assertThat(new PartnerId("ptn_1")).hasToString("ptn_1");
        assertThat(new ApiKeyId("key_1")).hasToString("key_1");
    }

    @Test
    void aChargeCountsInTheUtcCalendarMonth() {
        assertThat(SpendingMonth.of(Instant.parse("2026-11-30T23:59:59Z"))).isEqualTo(YearMonth.of(2026, 11));
        assertThat(SpendingMonth.of(Instant.parse("2026-12-01T00:00:00Z"))).isEqualTo(YearMonth.of(2026, 12));
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
