package dev.moments.application.port.in;

import dev.moments.application.port.AuditEntry;
import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.domain.partner.PartnerId;

/** A partner's audit log: who changed what, and when. */
public interface AuditUseCase {

    /**
     * Records that {@code actor} did {@code action} to the partner's {@code target} (an id, or {@code null}), with an
     * outcome or reason ({@code detail}, or {@code null}).
     */
    void record(PartnerId partnerId, String actor, String action, String target, String detail);

    /** One page of the partner's log, newest first. */
    Page<AuditEntry> list(PartnerId partnerId, PageRequest page);
}
