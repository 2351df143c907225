package dev.moments.bootstrap;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The settings of award e-mails ({@code moments.email.*}, env {@code MOMENTS_EMAIL_*}). The SMTP server itself is
 * Quarkus Mailer's ({@code QUARKUS_MAILER_*}); sending is on when {@code QUARKUS_MAILER_FROM} is set.
 */
@ConfigMapping(prefix = "moments.email")
public interface EmailConfig {

    /**
     * The waits after each failed attempt ({@code MOMENTS_EMAIL_RETRY_SCHEDULE}), each give or take 20%; once used up
     * the e-mail is FAILED. About 8 hours by default.
     */
    @WithDefault("30s,2m,10m,30m,1h,2h,4h")
    String retrySchedule();

    /**
     * How long one e-mail may take to send ({@code MOMENTS_EMAIL_SEND_TIMEOUT}); past it the attempt failed and is
     * tried again later.
     */
    @WithDefault("PT30S")
    Duration sendTimeout();

    /** How long an e-mail taken for sending is hidden from other instances ({@code MOMENTS_EMAIL_LEASE}). */
    @WithDefault("PT2M")
    Duration lease();

    /** How often the dispatch job sends what is due ({@code MOMENTS_EMAIL_DISPATCH_INTERVAL}). */
    @WithDefault("1s")
    String dispatchInterval();

    /** How long after start the dispatch job first runs. */
    @WithDefault("5s")
    String dispatchDelay();

    /** E-mails taken in one round ({@code MOMENTS_EMAIL_DISPATCH_BATCH}). */
    @WithDefault("50")
    int dispatchBatch();
}
