package dev.moments.application.port.out;

import dev.moments.application.port.AuditEntry;
import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.domain.partner.PartnerId;

/** Keeps each partner's audit log: appended to, never changed. */
public interface AuditLog {

    /** Appends an entry, in the caller's transaction (so it stands or falls with what it tells of). */
    void append(AuditEntry entry);

    /** One page of the partner's entries, newest first; the cursor is the id of the last entry of the last page. */
    Page<AuditEntry> list(PartnerId partnerId, PageRequest page);
}
