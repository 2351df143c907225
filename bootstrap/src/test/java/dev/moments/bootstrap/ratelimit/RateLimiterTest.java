package dev.moments.bootstrap.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.bootstrap.ratelimit.RateLimiter.Limit;
import dev.moments.bootstrap.ratelimit.RateLimiter.Refusal;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The token buckets on a clock the test moves by hand: bursts, refill, Retry-After, debt and the bounded maps. */
class RateLimiterTest {

    private long now = TimeUnit.HOURS.toNanos(1);

    private RateLimiter limiter(long perKey, long publicPerAddress, long unauthenticated, long maxBuckets) {
        return new RateLimiter(rate(perKey), rate(publicPerAddress), rate(unauthenticated), maxBuckets, () -> now);
    }

    private static RequestRate rate(long perSecond) {
        return perSecond == 0 ? RequestRate.OFF : new RequestRate(perSecond);
    }

    private void advanceMillis(long millis) {
        now += TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Test
    void aKeyMayBurstTwiceItsRateThenIsRefusedUntilATokenRefills() {
        RateLimiter limiter = limiter(5, 1, 1, 100);
        String key = RateLimiter.keyId("mk_acme");

        for (int i = 0; i < 10; i++) {
            assertThat(limiter.chargeKey(key)).as("request %d of the burst", i + 1).isEmpty();
        }
        Optional<Refusal> refused = limiter.chargeKey(key);

        assertThat(refused).hasValueSatisfying(refusal -> {
            assertThat(refusal.limit()).isEqualTo(Limit.PER_KEY);
            assertThat(refusal.retryAfterSeconds()).isEqualTo(1); // one token in 200 ms, rounded up to a second
            assertThat(refusal.detail()).contains("API key", "5 requests per second", "bursts up to 10", "1 s");
        });
        advanceMillis(199);
        assertThat(limiter.chargeKey(key)).isPresent();
        advanceMillis(1);
        assertThat(limiter.chargeKey(key)).isEmpty();
        assertThat(limiter.chargeKey(key)).isPresent();
    }

    @Test
    void theBucketRefillsContinuouslyAndNeverBeyondItsBurst() {
        RateLimiter limiter = limiter(5, 1, 1, 100);
        String key = RateLimiter.keyId("mk_acme");
        for (int i = 0; i < 10; i++) {
            limiter.chargeKey(key);
        }

        advanceMillis(30_000); // 150 tokens' worth of time, but the bucket holds at most its burst

        int allowed = 0;
        while (limiter.chargeKey(key).isEmpty()) {
            allowed++;
        }
        assertThat(allowed).isEqualTo(10);
    }

    @Test
    void eachKeyHasItsOwnBucketAndTheKeyItselfIsNotItsName() {
        RateLimiter limiter = limiter(1, 1, 1, 100);
        String acme = RateLimiter.keyId("mk_acme");
        limiter.chargeKey(acme);
        limiter.chargeKey(acme);

        assertThat(limiter.chargeKey(acme)).isPresent();
        assertThat(limiter.chargeKey(RateLimiter.keyId("mk_rival"))).isEmpty();
        assertThat(acme).doesNotContain("acme").hasSize(43).isEqualTo(RateLimiter.keyId("mk_acme"));
    }

    @Test
    void theRetryAfterOfALowRateIsTheWholeSecondsUntilTheNextToken() {
        RateLimiter limiter = limiter(1, 1, 1, 100);
        limiter.chargePublic("192.0.2.1");
        limiter.chargePublic("192.0.2.1");

        advanceMillis(100);

        assertThat(limiter.chargePublic("192.0.2.1")).hasValueSatisfying(refusal -> {
            assertThat(refusal.limit()).isEqualTo(Limit.PUBLIC_PER_ADDRESS);
            assertThat(refusal.retryAfterSeconds()).isEqualTo(1); // 900 ms
            assertThat(refusal.detail()).contains("client address", "redemption");
        });
    }

    @Test
    void credentialsMayBeTriedUntilTheAddressHasHadItsBurstOf401s() {
        RateLimiter limiter = limiter(100, 1, 2, 100);
        String address = "203.0.113.9";

        for (int i = 0; i < 4; i++) {
            assertThat(limiter.checkCredentialAttempts(address)).as("attempt %d", i + 1).isEmpty();
            limiter.chargeFailedCredentials(address, null);
        }

        assertThat(limiter.checkCredentialAttempts(address)).hasValueSatisfying(refusal -> {
            assertThat(refusal.limit()).isEqualTo(Limit.UNAUTHENTICATED_PER_ADDRESS);
            assertThat(refusal.detail()).contains("credentials");
        });
        assertThat(limiter.checkCredentialAttempts("203.0.113.10")).isEmpty();
        advanceMillis(500);
        assertThat(limiter.checkCredentialAttempts(address)).isEmpty();
    }

    @Test
    void checkingCredentialAttemptsCostsNothing() {
        RateLimiter limiter = limiter(100, 1, 1, 100);

        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.checkCredentialAttempts("198.51.100.1")).isEmpty();
        }
        assertThat(limiter.bucketCounts()[2]).as("no bucket made by merely checking").isZero();
    }

    @Test
    void answers401LetThroughTogetherRunTheAddressIntoDebtAndALongerWait() {
        RateLimiter limiter = limiter(100, 1, 1, 100);
        String address = "203.0.113.9";

        for (int i = 0; i < 12; i++) { // twelve wrong keys checked at once, then all answered 401
            limiter.chargeFailedCredentials(address, null);
        }

        assertThat(limiter.checkCredentialAttempts(address))
                .hasValueSatisfying(refusal -> assertThat(refusal.retryAfterSeconds()).isEqualTo(11));
    }

    @Test
    void aKeyServedBeforeIsKnownUntilItIsAnswered401() {
        RateLimiter limiter = limiter(100, 1, 1, 100);
        String good = RateLimiter.keyId("mk_good");
        String guessed = RateLimiter.keyId("mk_guess");
        assertThat(limiter.isKnownKey(good)).isFalse();

        limiter.chargeKey(good);
        limiter.chargeKey(guessed);
        limiter.chargeFailedCredentials("203.0.113.9", guessed);

        assertThat(limiter.isKnownKey(good)).isTrue();
        assertThat(limiter.isKnownKey(guessed)).isFalse();
    }

    @Test
    void aKeyAnswered401LosesItsBucketSoMadeUpKeysDoNotStay() {
        RateLimiter limiter = limiter(100, 1, 1000, 100);
        for (int i = 0; i < 20; i++) {
            String key = RateLimiter.keyId("mk_guess_" + i);
            limiter.chargeKey(key);
            limiter.chargeFailedCredentials("203.0.113.9", key);
        }

        assertThat(limiter.bucketCounts()[0]).isZero();
    }

    @Test
    void aFloodOfDistinctAddressesKeepsNoMoreBucketsThanTheBound() {
        RateLimiter limiter = limiter(100, 1, 1, 100);

        for (int i = 0; i < 10_000; i++) {
            limiter.chargePublic("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }

        assertThat(limiter.bucketCounts()[1]).isLessThanOrEqualTo(100);
    }

    @Test
    void aBucketIdleForAMinuteIsForgotten() {
        RateLimiter limiter = limiter(100, 1, 1, 100);
        limiter.chargePublic("192.0.2.1");
        assertThat(limiter.bucketCounts()[1]).isEqualTo(1);

        advanceMillis(RateLimiter.IDLE_AFTER.toMillis() + 1);

        assertThat(limiter.bucketCounts()[1]).isZero();
    }

    @Test
    void aLimitThatIsOffRefusesNothingAndKeepsNoBucket() {
        RateLimiter limiter = limiter(0, 0, 0, 100);

        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.chargeKey(RateLimiter.keyId("mk_acme"))).isEmpty();
            assertThat(limiter.chargePublic("192.0.2.1")).isEmpty();
            assertThat(limiter.checkCredentialAttempts("192.0.2.1")).isEmpty();
            limiter.chargeFailedCredentials("192.0.2.1", null);
        }
        assertThat(limiter.bucketCounts()).containsOnly(0L);
    }

    @Test
    void theHighestRateMakesAWorkingBucket() {
        RateLimiter limiter = limiter(RequestRate.MAX_PER_SECOND, 1, 1, 100);

        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.chargeKey("k")).isEmpty();
        }
    }
}
