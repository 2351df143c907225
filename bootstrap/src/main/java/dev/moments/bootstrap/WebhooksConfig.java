package dev.moments.bootstrap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The settings of partner webhooks ({@code moments.webhooks.*}, env {@code MOMENTS_WEBHOOKS_*}); see docs/api.md. */
@ConfigMapping(prefix = "moments.webhooks")
public interface WebhooksConfig {

    /**
     * The waits after each failed attempt ({@code MOMENTS_WEBHOOKS_RETRY_SCHEDULE}), e.g. {@code 5s,30s,2m}: each
     * give or take 20%; once used up (and {@link #retryFor} is over) the delivery is FAILED. A malformed schedule stops the start.
     */
    @WithDefault("5s,30s,2m,10m,30m,1h,2h,4h,8h,8h")
    String retrySchedule();

    /**
     * At least how long after its event a failing delivery is retried ({@code MOMENTS_WEBHOOKS_RETRY_FOR}, the
     * contract's 24 hours): once the schedule is used up, the last delay repeats until then.
     */
    @WithDefault("PT24H")
    java.time.Duration retryFor();

    /** How long finished deliveries (and their attempts) stay in the log ({@code MOMENTS_WEBHOOKS_RETENTION}). */
    @WithDefault("P30D")
    java.time.Duration retention();

    /**
     * Whether endpoints may be on loopback, link-local or private addresses ({@code MOMENTS_WEBHOOKS_ALLOW_PRIVATE_TARGETS});
     * off, such URLs are refused at registration and every delivery is checked again when it connects.
     */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /** How often the dispatch job sends what is due ({@code MOMENTS_WEBHOOKS_DISPATCH_INTERVAL}). */
    @WithDefault("1s")
    String dispatchInterval();

    /** How long after start the dispatch job first runs. */
    @WithDefault("5s")
    String dispatchDelay();

    /** Deliveries this instance sends at once, at most, all endpoints together ({@code MOMENTS_WEBHOOKS_MAX_IN_FLIGHT}). */
    @WithDefault("64")
    int maxInFlight();

    /**
     * Deliveries of one endpoint sent at once, at most ({@code MOMENTS_WEBHOOKS_MAX_IN_FLIGHT_PER_ENDPOINT}); one
     * award's events still go one after the other.
     */
    @WithDefault("4")
    int maxInFlightPerEndpoint();
}
