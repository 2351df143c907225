package dev.moments.application.port;

/**
 * The readers of the domain event outbox; each keeps its own mark on every event, so that each passes every event on
 * whatever the other does.
 */
public enum Relay {
    /** To the broker's exchange {@code moments.domain-events}. */
    BROKER,
    /** Into the deliveries of the partners' webhook endpoints. */
    WEBHOOKS,
    /** Into the e-mails of awards ({@code messages.email}). */
    EMAIL
}
