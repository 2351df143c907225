package dev.moments.application.service;

import dev.moments.application.port.AuditEntry;
import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.in.AuditUseCase;
import dev.moments.application.port.out.AuditLog;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.partner.PartnerId;

/** Writes and reads the partners' audit logs. */
public final class AuditService implements AuditUseCase {

    private final AuditLog audit;
    private final IdGenerator ids;
    private final Clock clock;
    private final Transactions transactions;

    public AuditService(AuditLog audit, IdGenerator ids, Clock clock, TransactionRunner transactions) {
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
        this.transactions = new Transactions(transactions);
    }

    @Override
    public void record(PartnerId partnerId, String actor, String action, String target, String detail) {
        AuditEntry entry = new AuditEntry(ids.next(AuditEntry.PREFIX), partnerId, clock.now(), actor, action, target,
                detail);
        transactions.run(() -> {
            audit.append(entry);
            return null;
        });
    }

    @Override
    public Page<AuditEntry> list(PartnerId partnerId, PageRequest page) {
        return transactions.run(() -> audit.list(partnerId, page));
    }
}
