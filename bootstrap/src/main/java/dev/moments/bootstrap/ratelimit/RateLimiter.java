package dev.moments.bootstrap.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The three rate limits of the HTTP API as token buckets (Bucket4j), kept in memory: per API key, per client address
 * on the public redemption endpoints, and per client address for answers 401. Each kind of bucket lives in a map of
 * its own that holds at most a fixed number of buckets and forgets one idle for {@link #IDLE_AFTER}, so neither a
 * flood of addresses nor one of made-up keys can grow memory without end. Knows nothing of HTTP.
 */
public final class RateLimiter {

    /**
     * How long an unused bucket is kept. A bucket is full again two seconds after its last use (its burst is twice
     * its rate), so forgetting it after a minute changes nothing, unless wrong credentials ran it into debt.
     */
    public static final Duration IDLE_AFTER = Duration.ofMinutes(1);

    /** The limits, each with the words a refusal uses to name it. */
    public enum Limit {
        /** Requests per second per partner API key. */
        PER_KEY("this API key's limit of %s per second"),
        /** Requests per second per client address on the redemption endpoints ({@code /api/redeem}, {@code /r}). */
        PUBLIC_PER_ADDRESS("the limit of %s per second per client address on the redemption endpoints"),
        /** Answers 401 per second per client address on the credentialed paths. */
        UNAUTHENTICATED_PER_ADDRESS("the limit of %s per second with wrong or missing credentials per client "
                + "address");

        private final String description;

        Limit(String description) {
            this.description = description;
        }

        /** The limit in words, with its rate, e.g. "this API key's limit of 1000 requests per second". */
        public String describe(RequestRate rate) {
            return String.format(description, rate.perSecond() == 1 ? "1 request" : rate.perSecond() + " requests");
        }
    }

    /**
     * A refused request.
     *
     * @param limit the limit that refused it
     * @param rate that limit's rate
     * @param retryAfterSeconds whole seconds until the bucket has a token again, at least 1
     */
    public record Refusal(Limit limit, RequestRate rate, long retryAfterSeconds) {

        /** What the refusal says to the client: which limit, and when to come back. */
        public String detail() {
            return "Too many requests: " + limit.describe(rate) + " (bursts up to " + rate.burst() + ") is used up; "
                    + "retry after " + retryAfterSeconds + " s.";
        }
    }

    private final Buckets perKey;
    private final Buckets publicPerAddress;
    private final Buckets unauthenticatedPerAddress;

    /**
     * @param maxBucketsPerLimit how many buckets each limit keeps at most (the least valuable are dropped beyond)
     * @param nanoTime the clock of the buckets and of their idle time ({@code System::nanoTime} in production)
     */
    public RateLimiter(RequestRate perKey, RequestRate publicPerAddress, RequestRate unauthenticatedPerAddress,
                       long maxBucketsPerLimit, LongSupplier nanoTime) {
        this.perKey = new Buckets(Limit.PER_KEY, perKey, maxBucketsPerLimit, nanoTime);
        this.publicPerAddress = new Buckets(Limit.PUBLIC_PER_ADDRESS, publicPerAddress, maxBucketsPerLimit, nanoTime);
        this.unauthenticatedPerAddress = new Buckets(Limit.UNAUTHENTICATED_PER_ADDRESS, unauthenticatedPerAddress,
                maxBucketsPerLimit, nanoTime);
    }

    /**
     * The name of a key's bucket: the SHA-256 of the key, so the key itself is never kept. A wrong key gets a bucket
     * too (the limiter cannot tell before the request runs); {@link #chargeFailedCredentials} drops it again.
     */
    public static String keyId(String apiKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }

    /** Whether the key has a bucket: it was served before and has not been answered 401 since. */
    public boolean isKnownKey(String keyId) {
        return perKey.has(keyId);
    }

    /** Takes one request from the key's bucket ({@link #keyId}), or says why not. */
    public Optional<Refusal> chargeKey(String keyId) {
        return perKey.take(keyId);
    }

    /** Takes one request from the address's bucket of the public redemption endpoints, or says why not. */
    public Optional<Refusal> chargePublic(String address) {
        return publicPerAddress.take(address);
    }

    /**
     * Whether the address may try credentials now: refused while its bucket of answers 401 is empty. Takes nothing;
     * only an answer 401 costs ({@link #chargeFailedCredentials}), so valid keys are never charged here.
     */
    public Optional<Refusal> checkCredentialAttempts(String address) {
        return unauthenticatedPerAddress.peek(address);
    }

    /**
     * Charges an answer 401 to the address, even into debt: requests let through together before the bucket was
     * empty all pay, and the address waits longer. Drops the bucket of the refused key, if the request had one.
     */
    public void chargeFailedCredentials(String address, String keyIdOrNull) {
        unauthenticatedPerAddress.takeEvenIntoDebt(address);
        if (keyIdOrNull != null) {
            perKey.forget(keyIdOrNull);
        }
    }

    /** The number of buckets held for each limit (per key, public, unauthenticated), after pending clean-ups. */
    long[] bucketCounts() {
        return new long[] {perKey.size(), publicPerAddress.size(), unauthenticatedPerAddress.size()};
    }

    /** One limit's buckets by name, in a bounded map that forgets idle ones. */
    private static final class Buckets {

        private final Limit limit;
        private final RequestRate rate;
        private final Cache<String, Bucket> buckets;
        private final TimeMeter time;

        Buckets(Limit limit, RequestRate rate, long maxBuckets, LongSupplier nanoTime) {
            this.limit = limit;
            this.rate = rate;
            this.time = new TimeMeter() {
                @Override
                public long currentTimeNanos() {
                    return nanoTime.getAsLong();
                }

                @Override
                public boolean isWallClockBased() {
                    return false;
                }
            };
            this.buckets = Caffeine.newBuilder()
                    .maximumSize(maxBuckets)
                    .expireAfterAccess(IDLE_AFTER)
                    .ticker(nanoTime::getAsLong)
                    .build();
        }

        Optional<Refusal> take(String name) {
            if (rate.isOff()) {
                return Optional.empty();
            }
            ConsumptionProbe probe = bucket(name).tryConsumeAndReturnRemaining(1);
            return probe.isConsumed() ? Optional.empty() : refusal(probe.getNanosToWaitForRefill());
        }

        Optional<Refusal> peek(String name) {
            if (rate.isOff()) {
                return Optional.empty();
            }
            Bucket bucket = buckets.getIfPresent(name); // no bucket yet: full
            if (bucket == null) {
                return Optional.empty();
            }
            EstimationProbe probe = bucket.estimateAbilityToConsume(1);
            return probe.canBeConsumed() ? Optional.empty() : refusal(probe.getNanosToWaitForRefill());
        }

        void takeEvenIntoDebt(String name) {
            if (!rate.isOff()) {
                bucket(name).consumeIgnoringRateLimits(1);
            }
        }

        boolean has(String name) {
            return buckets.getIfPresent(name) != null;
        }

        void forget(String name) {
            buckets.invalidate(name);
        }

        long size() {
            buckets.cleanUp();
            return buckets.estimatedSize();
        }

        private Bucket bucket(String name) {
            return buckets.get(name, unused -> Bucket.builder()
                    .addLimit(limit -> limit.capacity(rate.burst())
                            .refillGreedy(rate.perSecond(), Duration.ofSeconds(1)))
                    .withCustomTimePrecision(time)
                    .build());
        }

        private Optional<Refusal> refusal(long nanosToWait) {
            long second = TimeUnit.SECONDS.toNanos(1);
            long seconds = Math.max(1, nanosToWait / second + (nanosToWait % second == 0 ? 0 : 1));
            return Optional.of(new Refusal(limit, rate, seconds));
        }
    }
}
