package dev.moments.application.port.out;

import java.util.Objects;

/** Sends e-mails (SMTP): the only place an award's e-mail leaves the service. */
public interface EmailSender {

    /** Whether sending is configured; when not, no award e-mail is written at all. */
    boolean enabled();

    /**
     * Sends one e-mail and returns once the server accepted it.
     *
     * @throws NotSent when it did not; {@link NotSent#permanent()} says whether trying again can help
     */
    void send(Email email);

    /**
     * One e-mail with a text and an HTML part.
     *
     * @param messageId the {@code Message-ID} (without angle brackets), the same at every attempt for one award,
     *                  so that a receiver can tell a second delivery of one e-mail from a new one
     */
    record Email(String to, String subject, String text, String html, String messageId) {

        public Email {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(html, "html");
            Objects.requireNonNull(messageId, "messageId");
        }
    }

    /** The server did not take the e-mail. */
    final class NotSent extends RuntimeException {

        private final boolean permanent;

        public NotSent(String reason, boolean permanent, Throwable cause) {
            super(reason, cause);
            this.permanent = permanent;
        }

        /** Whether the address or the message was refused for good (a 5xx reply), not the server busy or away. */
        public boolean permanent() {
            return permanent;
        }
    }
}
