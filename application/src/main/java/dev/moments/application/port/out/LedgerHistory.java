package dev.moments.application.port.out;

import dev.moments.application.port.LedgerEntry;
import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.StatementLine;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import java.time.YearMonth;
import java.util.List;

/** Reads the immutable budget ledger back: a moment's entries, and a partner's monthly statement. */
public interface LedgerHistory {

    /** The moment's ledger entries, oldest first, if the moment is the partner's; empty page otherwise. */
    Page<LedgerEntry> entries(PartnerId partnerId, MomentId momentId, PageRequest page);

    /**
     * One line per moment of the partner with ledger entries in the month (UTC calendar month), in moment id order.
     */
    List<StatementLine> statement(PartnerId partnerId, YearMonth month);
}
