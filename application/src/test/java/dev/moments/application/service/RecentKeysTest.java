package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.port.in.AuthenticatePartnerUseCase.Caller;
import dev.moments.domain.partner.ApiKeyDigest;
import dev.moments.domain.partner.ApiKeyId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.partner.Scope;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Keys found active are trusted for a moment, never longer, and never after this instance revoked them. */
class RecentKeysTest {

    private long now;
    private final RecentKeys keys = new RecentKeys(Duration.ofSeconds(1), () -> now);
    private final ApiKeyDigest acmeKey = ApiKeyDigest.of("mk_acme");
    private final Caller acme = new Caller(new PartnerId("ptn_acme"), new ApiKeyId("key_acme"), Scope.ALL);

    @Test
    void theAgeIsCountedFromTheLookup_whereverTheMonotonicClockStarts() {
        now = Duration.ofDays(3).toNanos(); // System.nanoTime has an arbitrary origin
        keys.active(acmeKey, acme, keys.beforeLookup());

        now += Duration.ofMillis(999).toNanos();
        assertThat(keys.find(acmeKey)).contains(acme);
    }

    @Test
    void aKeyFoundActive_isTrustedUntilItsMaxAge_thenLookedUpAgain() {
        keys.active(acmeKey, acme, keys.beforeLookup());

        now += Duration.ofMillis(999).toNanos();
        assertThat(keys.find(acmeKey)).contains(acme);
        now += Duration.ofMillis(1).toNanos();
        assertThat(keys.find(acmeKey)).isEmpty();
        assertThat(keys.find(ApiKeyDigest.of("mk_never_seen"))).isEmpty();
    }

    @Test
    void aForgottenKey_isLookedUpAgainAtOnce() {
        keys.active(acmeKey, acme, keys.beforeLookup());

        keys.forget(acmeKey);

        assertThat(keys.find(acmeKey)).isEmpty();
    }

    @Test
    void aLookupThatReadTheKeyBeforeItWasRevoked_doesNotBringItBack() {
        long beforeLookup = keys.beforeLookup();
        // the lookup reads the key, still active; meanwhile it is revoked through this instance
        keys.forget(acmeKey);

        keys.active(acmeKey, acme, beforeLookup);

        assertThat(keys.find(acmeKey)).isEmpty();
        keys.active(acmeKey, acme, keys.beforeLookup()); // a lookup started after the revocation is trusted
        assertThat(keys.find(acmeKey)).contains(acme);
    }

    @Test
    void aZeroMaxAge_keepsNothing_andTheMapNeverHoldsMoreThanItsBound() {
        RecentKeys none = new RecentKeys(Duration.ZERO, () -> now);
        none.active(acmeKey, acme, none.beforeLookup());
        assertThat(none.find(acmeKey)).isEmpty();

        for (int i = 0; i < RecentKeys.MAX_KEYS; i++) {
            keys.active(ApiKeyDigest.of("mk_" + i), acme, keys.beforeLookup());
        }
        assertThat(keys.find(ApiKeyDigest.of("mk_0"))).contains(acme);
        keys.active(acmeKey, acme, keys.beforeLookup()); // one beyond the bound: the map starts over
        assertThat(keys.find(ApiKeyDigest.of("mk_0"))).isEmpty();
        assertThat(keys.find(acmeKey)).contains(acme);
        assertThatThrownBy(() -> new RecentKeys(Duration.ofSeconds(-1), () -> now))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
