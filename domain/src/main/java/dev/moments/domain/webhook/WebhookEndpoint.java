package dev.moments.domain.webhook;

import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Text;
import dev.moments.domain.shared.WebAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A partner's webhook endpoint: where its events are sent, which types, whether it is enabled, and the secrets its
 * deliveries are signed with. After a rotation the previous secret stays live for {@link #ROTATION_OVERLAP}, and
 * deliveries carry a signature of each live secret.
 *
 * @param previousSecret the secret before the last rotation, or {@code null}
 * @param previousSecretUntil until when {@code previousSecret} still signs, or {@code null}
 */
public record WebhookEndpoint(WebhookId id, PartnerId partnerId, String url, Set<String> events, boolean enabled,
                              String description, WebhookSecret secret, WebhookSecret previousSecret,
                              Instant previousSecretUntil, Instant createdAt, Instant updatedAt) {

    /** The longest description. */
    public static final int MAX_DESCRIPTION_LENGTH = 500;

    /** How many endpoints one partner may have. */
    public static final int MAX_PER_PARTNER = 20;

    /** How long the previous secret keeps signing after a rotation. */
    public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

    public WebhookEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partnerId, "partnerId");
        url = url(url);
        events = WebhookEventTypes.of("events", events);
        description = Text.prose("description", description, MAX_DESCRIPTION_LENGTH);
        Objects.requireNonNull(secret, "secret");
        if ((previousSecret == null) != (previousSecretUntil == null)) {
            throw new IllegalArgumentException("a previous secret comes with the end of its overlap");
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new endpoint, enabled. */
    public static WebhookEndpoint create(WebhookId id, PartnerId partnerId, String url, Collection<String> events,
                                         String description, WebhookSecret secret, Instant now) {
        return new WebhookEndpoint(id, partnerId, url, WebhookEventTypes.of("events", events), true, description,
                secret, null, null, now, now);
    }

    /**
     * A webhook URL as given: an absolute http(s) URL of at most {@value WebAddress#MAX_LENGTH} characters, with a
     * host and without a user name or password. Whether its host may be reached is the address guard's to say.
     */
    public static String url(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidValueException("url", "url is required");
        }
        WebAddress.optional("url", url);
        URI uri = URI.create(url);
        if (uri.getRawUserInfo() != null) {
            throw new InvalidValueException("url", "url must not carry a user name or password");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65_535) {
            throw new InvalidValueException("url", "url has a port from 1 to 65535, or none");
        }
        return url;
    }

    /** Whether the endpoint takes events of this type now: enabled and subscribed. */
    public boolean receives(String type) {
        return enabled && WebhookEventTypes.matches(events, type);
    }

    /** The secrets that sign a delivery made at {@code now}: the current one, then the previous during its overlap. */
    public List<WebhookSecret> liveSecrets(Instant now) {
        List<WebhookSecret> live = new ArrayList<>(2);
        live.add(secret);
        if (previousSecret != null && now.isBefore(previousSecretUntil)) {
            live.add(previousSecret);
        }
        return List.copyOf(live);
    }

    /** The endpoint after a rotation to {@code newSecret}: the current secret keeps signing for the overlap. */
    public WebhookEndpoint rotate(WebhookSecret newSecret, Instant now) {
        return new WebhookEndpoint(id, partnerId, url, events, enabled, description, newSecret, secret,
                now.plus(ROTATION_OVERLAP), createdAt, now);
    }

    /** The endpoint with the given fields changed; a {@code null} argument keeps the field as it is. */
    public WebhookEndpoint change(String newUrl, Collection<String> newEvents, Boolean newEnabled,
                                  String newDescription, Instant now) {
        return new WebhookEndpoint(id, partnerId, newUrl == null ? url : newUrl,
                newEvents == null ? events : WebhookEventTypes.of("events", newEvents),
                newEnabled == null ? enabled : newEnabled, newDescription == null ? description : newDescription,
                secret, previousSecret, previousSecretUntil, createdAt, now);
    }
}
