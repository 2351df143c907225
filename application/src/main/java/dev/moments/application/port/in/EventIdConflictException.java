package dev.moments.application.port.in;

import dev.moments.domain.shared.DomainException;

/** An event id was reused with another body: a partner bug that must not be papered over. */
public final class EventIdConflictException extends DomainException {

    public EventIdConflictException(String eventId) {
        super("event " + eventId + " was already received with another body");
    }

    @Override
    public String code() {
        return "event-id-conflict";
    }
}
