package dev.moments.application.service;

import dev.moments.application.port.LedgerEntry;
import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.in.GetLedgerQuery;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.Statement;
import dev.moments.application.port.out.LedgerHistory;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.PartnerRepository;
import dev.moments.application.port.out.PartnerSpending;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.Partner;
import dev.moments.domain.partner.PartnerId;
import java.time.YearMonth;
import java.util.Objects;

/** Shows partners their budgets' ledgers and monthly statements. */
public final class GetLedgerService implements GetLedgerQuery {

    private final LedgerHistory history;
    private final MomentRepository moments;
    private final PartnerRepository partners;
    private final PartnerSpending spending;

    public GetLedgerService(LedgerHistory history, MomentRepository moments, PartnerRepository partners,
                            PartnerSpending spending) {
        this.history = history;
        this.moments = moments;
        this.partners = partners;
        this.spending = spending;
    }

    @Override
    public Page<LedgerEntry> ledger(PartnerId partnerId, MomentId momentId, PageRequest page) {
        Objects.requireNonNull(page, "page");
        moments.find(partnerId, momentId).orElseThrow(() -> new NotFoundException("moment", momentId));
        return history.entries(partnerId, momentId, page);
    }

    @Override
    public Statement statement(PartnerId partnerId, YearMonth month) {
        Objects.requireNonNull(month, "month");
        Partner partner = partners.find(partnerId).orElseThrow(() -> new NotFoundException("partner", partnerId));
        return Statement.of(month, partner.currency(), history.statement(partnerId, month),
                spending.cap(partnerId, month).map(PartnerSpending.Cap::limit).orElse(null),
                spending.charged(partnerId, month));
    }
}
