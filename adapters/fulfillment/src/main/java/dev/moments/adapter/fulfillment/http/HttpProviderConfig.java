package dev.moments.adapter.fulfillment.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Settings of the external reward provider ({@code moments.providers.http.*}). Everything is optional so that the
 * service starts without a provider; its base URL is the REST client's {@code quarkus.rest-client.reward-provider.url}.
 * The API key and the callback secret are secrets: they are never logged.
 */
@ConfigMapping(prefix = "moments.providers.http")
public interface HttpProviderConfig {

    /** Sent as {@code Authorization: Bearer <api-key>} with every request to the provider; none when absent. */
    Optional<String> apiKey();

    /** The shared secret the provider signs its callbacks with; without it every callback is refused. */
    Optional<String> callbackSecret();

    /** How long one request to the provider may take before it counts as failed and is retried. */
    @WithDefault("5s")
    Duration timeout();

    /** How many times a failed request is repeated at once, within one submission. */
    @WithDefault("2")
    int maxRetries();

    /** The pause before the first immediate retry; it doubles for each next one, give or take half of it as jitter. */
    @WithDefault("200ms")
    Duration retryDelay();

    /** How old (or how far in the future) a callback's signed timestamp may be. */
    @WithDefault("5m")
    Duration callbackTolerance();
}
