package dev.moments.application.port.in;

import dev.moments.application.port.LedgerEntry;
import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import java.time.YearMonth;

/** A partner reads where its money went: a moment's ledger entries, and a monthly statement of all its moments. */
public interface GetLedgerQuery {

    /**
     * The moment's ledger entries, oldest first, page by page.
     *
     * @throws NotFoundException if the partner has no such moment
     */
    Page<LedgerEntry> ledger(PartnerId partnerId, MomentId momentId, PageRequest page);

    /** What the partner's moments cost in {@code month} (a UTC calendar month). */
    Statement statement(PartnerId partnerId, YearMonth month);
}
