package dev.moments.application.port.out.contract;

import dev.moments.application.port.out.AuditLog;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.Blocklist;
import dev.moments.application.port.out.BudgetLedger;
import dev.moments.application.port.out.ClaimRepository;
import dev.moments.application.port.out.CodePool;
import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.application.port.out.EventLog;
import dev.moments.application.port.out.IdempotencyKeys;
import dev.moments.application.port.out.LedgerHistory;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.PartnerRepository;
import dev.moments.application.port.out.PartnerSpending;
import dev.moments.application.port.out.PointStore;
import dev.moments.application.port.out.ProgressRepository;
import dev.moments.application.port.out.RewardRepository;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.application.port.out.UserProfileRepository;
import dev.moments.application.port.out.WebhookDeliveries;
import dev.moments.application.port.out.WebhookEndpoints;

/** The outgoing persistence ports of one implementation, as the contract tests exercise them. */
public record Ports(
        PartnerRepository partners,
        RewardRepository rewards,
        MomentRepository moments,
        BudgetLedger ledger,
        AwardRepository awards,
        EventLog events,
        ProgressRepository progress,
        UserProfileRepository profiles,
        TransactionRunner transactions,
        LedgerHistory history,
        PartnerSpending spending,
        ClaimRepository claims,
        CodePool codes,
        IdempotencyKeys idempotencyKeys,
        DomainEventOutbox outbox,
        WebhookEndpoints webhookEndpoints,
        WebhookDeliveries webhookDeliveries,
        PointStore points,
        Blocklist blocklist,
        AuditLog audit) {
}
