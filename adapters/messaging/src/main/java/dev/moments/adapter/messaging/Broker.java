package dev.moments.adapter.messaging;

/** The broker internal systems send events through and domain events go to: {@code moments.messaging.broker}. */
public enum Broker {

    /** The queue {@code moments.events} and the exchange {@code moments.domain-events} (the default). */
    RABBITMQ,
    /** The topics {@code moments.events}, {@code moments.events.dlq} and {@code moments.domain-events}. */
    KAFKA;

    /** The property that picks one. */
    public static final String PROPERTY = "moments.messaging.broker";
}
