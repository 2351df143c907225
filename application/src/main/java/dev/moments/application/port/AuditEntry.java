package dev.moments.application.port;

import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.Text;
import java.time.Instant;
import java.util.Objects;

/**
 * One line of a partner's audit log: who did what to which of the partner's things, and when.
 *
 * @param id opaque, {@code aud_…}
 * @param actor who: {@code key:<api key id>}, {@code console:<api key id>}, {@code admin} or {@code system}
 * @param action what, e.g. {@code POST /v1/moments/{id}/launch} or {@code review.approved}
 * @param target the id of what it was done to, or {@code null}
 * @param detail a reason or an outcome, or {@code null}
 */
public record AuditEntry(String id, PartnerId partnerId, Instant at, String actor, String action, String target,
                         String detail) {

    /** The prefix of every audit entry's id. */
    public static final String PREFIX = "aud_";

    /** The actor of what the service does on its own (a job). */
    public static final String SYSTEM = "system";

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(at, "at");
        actor = Text.id("actor", actor, 200);
        action = Text.id("action", action, 300);
        target = target == null ? null : Text.optionalId("target", target.length() > 200 ? target.substring(0, 200)
                : target, 200);
        detail = detail == null ? null : detail.length() > 1000 ? detail.substring(0, 1000) : detail;
    }
}
