package dev.moments.adapter.persistence;

import dev.moments.application.port.out.contract.Ports;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** The PostgreSQL implementations of the persistence ports, gathered for the contract tests. */
@Singleton
public class PostgresPorts {

    @Inject
    PostgresPartnerRepository partners;
    @Inject
    PostgresRewardRepository rewards;
    @Inject
    PostgresMomentRepository moments;
    @Inject
    PostgresBudgetLedger ledger;
    @Inject
    PostgresAwardRepository awards;
    @Inject
    PostgresEventLog events;
    @Inject
    PostgresProgressRepository progress;
    @Inject
    PostgresUserProfileRepository profiles;
    @Inject
    QuarkusTransactionRunner transactions;
    @Inject
    PostgresLedgerHistory history;
    @Inject
    PostgresPartnerSpending spending;
    @Inject
    PostgresClaimRepository claims;
    @Inject
    PostgresCodePool codes;
    @Inject
    PostgresIdempotencyKeys idempotencyKeys;
    @Inject
    PostgresOutbox outbox;
    @Inject
    PostgresWebhookEndpoints webhookEndpoints;
    @Inject
    PostgresWebhookDeliveries webhookDeliveries;
    @Inject
    PostgresPointStore points;
    @Inject
    PostgresBlocklist blocklist;
    @Inject
    PostgresAuditLog audit;

    public Ports ports() {
        return new Ports(partners, rewards, moments, ledger, awards, events, progress, profiles, transactions,
                history, spending, claims, codes, idempotencyKeys, outbox,
                webhookEndpoints, webhookDeliveries, points, blocklist, audit);
    }
}
