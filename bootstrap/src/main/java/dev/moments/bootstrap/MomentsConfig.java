package dev.moments.bootstrap;

import dev.moments.adapter.messaging.Broker;
import dev.moments.bootstrap.ratelimit.RequestRate;
import dev.moments.bootstrap.ratelimit.RequestRateConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/** Moments' own settings, each overridable by environment (e.g. {@code MOMENTS_ADMIN_TOKEN}). */
@ConfigMapping(prefix = "moments")
public interface MomentsConfig {

    /** The operator's bearer token for {@code /admin/*}; generated and logged once at start when absent. */
    Optional<String> adminToken();

    /** The base64 of 32 random bytes sealing redemption tokens; generated at start when absent. */
    Optional<String> tokenKey();

    /** How much older than a (moment, user)'s newest event an event may arrive and still count. */
    @WithDefault("P7D")
    Duration lateEventsBound();

    /**
     * How many units of work of single events ({@code POST /v1/events}) may run at once, each on a connection of the
     * pool: concurrent single events queue and share the next unit (group commit, docs/performance.md). Two keep one
     * unit deciding while the other waits for the database; more make smaller units that contend for the same rows.
     */
    @WithDefault("2")
    @WithName("group-commit.units")
    int groupCommitUnits();

    /**
     * How long an API key found active may be trusted without looking it up again ({@code MOMENTS_API_KEY_MAX_AGE});
     * a key revoked through another instance stops working on this one within it. {@code PT0S} looks every request's
     * key up.
     */
    @WithDefault("PT1S")
    Duration apiKeyMaxAge();

    /** How long a partner's in-memory index of listening moments may be reused before it is read again. */
    @WithDefault("PT5S")
    Duration momentIndexMaxAge();

    /**
     * The PostgreSQL schema that holds the service's tables ({@code MOMENTS_SCHEMA}): Flyway creates and migrates it,
     * every pooled connection searches it and Hibernate qualifies its tables with it (application.properties), so the
     * database URL names no schema. A lower-case SQL name; anything else stops the start.
     */
    @WithDefault("moments")
    @WithConverter(SchemaNameConverter.class)
    String schema();

    /**
     * The URL users reach the service at ({@code MOMENTS_PUBLIC_URL}); redemption links and the startup banner start
     * with it. Unset: where this instance's HTTP server listens once it is bound, e.g. {@code http://localhost:8080}.
     */
    Optional<String> publicUrl();

    /** How often the expiry job expires unclaimed awards past their deadline. */
    @WithDefault("30s")
    String expiryInterval();

    /** How long after start the expiry job first runs. */
    @WithDefault("10s")
    String expiryDelay();

    /** How often the retry job submits pending deliveries again (those whose last submission failed for now). */
    @WithDefault("30s")
    String fulfillmentRetryInterval();

    /** The wait before a delivery that failed for now is submitted again; it doubles after each failure, up to 1 h. */
    @WithDefault("PT30S")
    java.time.Duration fulfillmentFirstRetry();

    /** How long after start the retry job first runs. */
    @WithDefault("15s")
    String fulfillmentRetryDelay();

    /**
     * Threads for background work: a claim's submission to an external provider runs on one of them after the claim
     * answered, and may block it for the provider's timeouts and retries (about 16 s by default).
     */
    @WithDefault("4")
    int backgroundThreads();

    /** Background tasks that may wait for a thread; beyond that a claim's submission is left to the retry job. */
    @WithDefault("1000")
    int backgroundQueue();

    /** The {@code Idempotency-Key} of creating POSTs. */
    Idempotency idempotency();

    /** How long idempotency keys are kept, and the job that forgets them afterwards. */
    interface Idempotency {

        /**
         * How long a key is kept at least ({@code MOMENTS_IDEMPOTENCY_RETENTION}); a request sent with it later is a
         * new request.
         */
        @WithDefault("PT24H")
        Duration retention();

        /** How often the job forgets the keys past their retention. */
        @WithDefault("15m")
        String cleanupInterval();

        /** How long after start the job first runs. */
        @WithDefault("1m")
        String cleanupDelay();
    }

    /** The rate limits of the HTTP API, kept in memory by each instance (README, "Rate limits"). */
    RateLimit rateLimit();

    /**
     * Token buckets: each allows its rate in requests per second, refilled continuously, with bursts up to twice
     * that. A value is a whole number from 1 or {@code off}; 0 or a negative number stops the start.
     */
    interface RateLimit {

        /** Requests per second per partner API key on {@code /v1/*} (env {@code MOMENTS_RATE_LIMIT_PER_KEY}). */
        @WithDefault("1000")
        @WithConverter(RequestRateConverter.class)
        RequestRate perKey();

        /** Requests per second per client address on {@code /api/redeem/*} and {@code /r/*} together. */
        @WithDefault("20")
        @WithConverter(RequestRateConverter.class)
        RequestRate publicPerIp();

        /** Answers 401 per second per client address on {@code /v1/*} and {@code /admin/*}; beyond, 429. */
        @WithDefault("20")
        @WithConverter(RequestRateConverter.class)
        RequestRate unauthenticatedPerIp();
    }

    /** The outbox relay (docs/messaging.md). */
    Outbox outbox();

    /** How domain events leave the outbox, and how long they are kept afterwards. */
    interface Outbox {

        /** How long a relayed event is kept in the outbox ({@code MOMENTS_OUTBOX_RETENTION}). */
        @WithDefault("P7D")
        Duration retention();

        /** How often the relay passes written events on to the broker and to the webhook deliveries. */
        @WithDefault("1s")
        String relayInterval();

        /** How long after start the relay first runs. */
        @WithDefault("2s")
        String relayDelay();

        /** Events passed on in one transaction (and, to the broker, confirmed together). */
        @WithDefault("200")
        int relayBatch();

        /** How often relayed events past the retention are deleted. */
        @WithDefault("1h")
        String pruneInterval();

        /** How long after start the pruning first runs. */
        @WithDefault("1m")
        String pruneDelay();
    }

    /** RabbitMQ (docs/messaging.md); the connection itself is {@code RABBITMQ_HOST} and its siblings. */
    Messaging messaging();

    /** The queue {@code moments.events} and the publishing of domain events. */
    interface Messaging {

        /** The broker events come in through and domain events go out to ({@code MOMENTS_MESSAGING_BROKER}). */
        @WithDefault("rabbitmq")
        Broker broker();

        /** Kafka consumers (threads) of this instance, each with partitions of its own. */
        @WithDefault("1")
        int kafkaConsumers();

        /** The most records one Kafka poll hands over, recorded as one batch. */
        @WithDefault("500")
        int kafkaPollRecords();

        /** Deliveries of one message before the broker dead-letters it ({@code MOMENTS_MESSAGING_DELIVERY_LIMIT}). */
        @WithDefault("20")
        int deliveryLimit();

        /** Messages handed to this instance and not yet acknowledged, at most ({@code MOMENTS_MESSAGING_PREFETCH}). */
        @WithDefault("16")
        int prefetch();

        /** Threads recording messages at once ({@code MOMENTS_MESSAGING_CONCURRENCY}). */
        @WithDefault("4")
        int concurrency();

        /** How long the relay waits for the broker to confirm a batch of domain events before trying it again. */
        @WithDefault("10s")
        Duration confirmTimeout();
    }

    /** The partner console at {@code /console} (docs/console.md). */
    Console console();

    /** The console's sessions. */
    interface Console {

        /** How long a console session lasts after sign-in ({@code MOMENTS_CONSOLE_SESSION_LIFETIME}). */
        @WithDefault("PT12H")
        Duration sessionLifetime();
    }
}
