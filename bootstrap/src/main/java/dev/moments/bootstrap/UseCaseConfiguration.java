package dev.moments.bootstrap;

import dev.moments.application.port.in.AuditUseCase;
import dev.moments.application.port.in.AuthenticatePartnerUseCase;
import dev.moments.application.port.in.BadgesUseCase;
import dev.moments.application.port.in.BlocklistUseCase;
import dev.moments.application.port.in.BrandingUseCase;
import dev.moments.application.port.in.CancelAwardUseCase;
import dev.moments.application.port.in.ChangeMomentStatusUseCase;
import dev.moments.application.port.in.CreateMomentUseCase;
import dev.moments.application.port.in.CreatePartnerUseCase;
import dev.moments.application.port.in.CreateRewardUseCase;
import dev.moments.application.port.in.DirectAwardUseCase;
import dev.moments.application.port.in.EditMomentUseCase;
import dev.moments.application.port.in.ExpireAwardsUseCase;
import dev.moments.application.port.in.ExpireIdempotencyKeysUseCase;
import dev.moments.application.port.in.ExplainProgressQuery;
import dev.moments.application.port.in.GetAwardQuery;
import dev.moments.application.port.in.GetLedgerQuery;
import dev.moments.application.port.in.GetMomentQuery;
import dev.moments.application.port.in.GetMomentReportQuery;
import dev.moments.application.port.in.GetPartnerQuery;
import dev.moments.application.port.in.GetRewardQuery;
import dev.moments.application.port.in.IdempotentRequestUseCase;
import dev.moments.application.port.in.ManageApiKeysUseCase;
import dev.moments.application.port.in.ManageCodesUseCase;
import dev.moments.application.port.in.PointsUseCase;
import dev.moments.application.port.in.RecordEventUseCase;
import dev.moments.application.port.in.RedeemUseCase;
import dev.moments.application.port.in.ReportFulfillmentUseCase;
import dev.moments.application.port.in.RetryFulfillmentsUseCase;
import dev.moments.application.port.in.ReviewAwardsUseCase;
import dev.moments.application.port.in.SetMonthlyCapUseCase;
import dev.moments.application.port.in.TopUpBudgetUseCase;
import dev.moments.application.port.out.AuditLog;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.BackgroundTasks;
import dev.moments.application.port.out.BadgeStore;
import dev.moments.application.port.out.Blocklist;
import dev.moments.application.port.out.BudgetLedger;
import dev.moments.application.port.out.ClaimRepository;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.CodePool;
import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.application.port.out.EventLog;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.IdempotencyKeys;
import dev.moments.application.port.out.LedgerHistory;
import dev.moments.application.port.out.Metrics;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.PartnerRepository;
import dev.moments.application.port.out.PartnerSpending;
import dev.moments.application.port.out.PointStore;
import dev.moments.application.port.out.ProgressRepository;
import dev.moments.application.port.out.ReportFigures;
import dev.moments.application.port.out.RewardRepository;
import dev.moments.application.port.out.SecretGenerator;
import dev.moments.application.port.out.TokenSealer;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.application.port.out.UserProfileRepository;
import dev.moments.application.service.AuditService;
import dev.moments.application.service.AwardEndings;
import dev.moments.application.service.AwardMoney;
import dev.moments.application.service.Awarding;
import dev.moments.application.service.Badges;
import dev.moments.application.service.BadgesService;
import dev.moments.application.service.BlocklistService;
import dev.moments.application.service.BrandingService;
import dev.moments.application.service.BudgetFollower;
import dev.moments.application.service.CancelAwardService;
import dev.moments.application.service.Claiming;
import dev.moments.application.service.CompiledExpressions;
import dev.moments.application.service.CreateMomentService;
import dev.moments.application.service.Deliveries;
import dev.moments.application.service.DeliverySubmissions;
import dev.moments.application.service.DirectAwardService;
import dev.moments.application.service.EditMomentService;
import dev.moments.application.service.Eligibility;
import dev.moments.application.service.EventEvaluations;
import dev.moments.application.service.EventReplays;
import dev.moments.application.service.ExpireAwardsService;
import dev.moments.application.service.ExplainProgressService;
import dev.moments.application.service.FulfillmentGateways;
import dev.moments.application.service.GetAwardService;
import dev.moments.application.service.GetLedgerService;
import dev.moments.application.service.GetMomentReportService;
import dev.moments.application.service.GetMomentService;
import dev.moments.application.service.GroupCommit;
import dev.moments.application.service.IdempotencyService;
import dev.moments.application.service.ListeningMoments;
import dev.moments.application.service.ManageCodesService;
import dev.moments.application.service.MeteredDirectAwards;
import dev.moments.application.service.MeteredRecordEvent;
import dev.moments.application.service.MomentDefinitions;
import dev.moments.application.service.MomentLifecycleService;
import dev.moments.application.service.MomentViews;
import dev.moments.application.service.PartnerService;
import dev.moments.application.service.PointRules;
import dev.moments.application.service.PointsService;
import dev.moments.application.service.RecordEventService;
import dev.moments.application.service.RedeemService;
import dev.moments.application.service.RedemptionViews;
import dev.moments.application.service.ReportFulfillmentService;
import dev.moments.application.service.RetryFulfillmentsService;
import dev.moments.application.service.ReviewService;
import dev.moments.application.service.RewardService;
import dev.moments.application.service.TopUpBudgetService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Produces every use case of the core as its incoming ports only ({@code port.in}, with {@code @Typed} for a service
 * that serves several): the only types a driving adapter can inject. A collaborator of one use case alone is built
 * in its producer; those several share come from {@link CoreConfiguration}.
 */
@ApplicationScoped
public class UseCaseConfiguration {

    @Produces
    @Singleton
    @Typed({CreatePartnerUseCase.class, ManageApiKeysUseCase.class, AuthenticatePartnerUseCase.class,
            GetPartnerQuery.class, SetMonthlyCapUseCase.class})
    PartnerService partners(PartnerRepository partners, PartnerSpending spending, IdGenerator ids,
                            SecretGenerator secrets, Clock clock, TransactionRunner transactions,
                            MomentsConfig config) {
        return new PartnerService(partners, spending, ids, secrets, clock, transactions, config.apiKeyMaxAge(),
                System::nanoTime);
    }

    /** A reward may name a provider only if this build can deliver with it. */
    @Produces
    @Singleton
    @Typed({CreateRewardUseCase.class, GetRewardQuery.class})
    RewardService rewards(RewardRepository rewards, PartnerRepository partners, IdGenerator ids, Clock clock,
                          TransactionRunner transactions, FulfillmentGateways gateways) {
        return new RewardService(rewards, partners, ids, clock, transactions, gateways.supportedProviders());
    }

    @Produces
    @Singleton
    ManageCodesUseCase manageCodes(RewardRepository rewards, CodePool codes, Clock clock,
                                   TransactionRunner transactions) {
        return new ManageCodesService(rewards, codes, clock, transactions);
    }

    @Produces
    @Singleton
    CreateMomentUseCase createMoment(MomentRepository moments, BudgetLedger ledger, MomentDefinitions definitions,
                                     MomentViews views, IdGenerator ids, Clock clock,
                                     TransactionRunner transactions) {
        return new CreateMomentService(moments, ledger, definitions, views, ids, clock, transactions);
    }

    @Produces
    @Singleton
    EditMomentUseCase editMoment(MomentRepository moments, BudgetLedger ledger, ProgressRepository progress,
                                 MomentDefinitions definitions, MomentViews views, ListeningMoments listening,
                                 Clock clock, TransactionRunner transactions) {
        return new EditMomentService(moments, ledger, progress, definitions, views, listening, clock, transactions);
    }

    @Produces
    @Singleton
    ChangeMomentStatusUseCase changeMomentStatus(MomentRepository moments, BudgetLedger ledger, MomentViews views,
                                                 ListeningMoments listening, DomainEventOutbox outbox,
                                                 IdGenerator ids, Clock clock, TransactionRunner transactions) {
        return new MomentLifecycleService(moments, ledger, views, listening, outbox, ids, clock, transactions);
    }

    @Produces
    @Singleton
    TopUpBudgetUseCase topUpBudget(BudgetLedger ledger, MomentViews views, BudgetFollower follower,
                                   ListeningMoments listening, Clock clock, TransactionRunner transactions) {
        return new TopUpBudgetService(ledger, views, follower, listening, clock, transactions);
    }

    @Produces
    @Singleton
    GetMomentQuery getMoment(MomentRepository moments, MomentViews views, Clock clock) {
        return new GetMomentService(moments, views, clock);
    }

    @Produces
    @Singleton
    GetMomentReportQuery getMomentReport(MomentRepository moments, PartnerRepository partners, ReportFigures figures,
                                         Clock clock) {
        return new GetMomentReportService(moments, partners, figures, clock);
    }

    @Produces
    @Singleton
    RecordEventUseCase recordEvent(EventLog events, ProgressRepository progress, UserProfileRepository profiles,
                                   ListeningMoments listening, CompiledExpressions expressions, Awarding awarding,
                                   Eligibility eligibility, PointRules points, Badges badges, EventReplays replays,
                                   Clock clock, MomentsConfig config, TransactionRunner transactions, Metrics metrics,
                                   @ConfigProperty(name = "quarkus.datasource.jdbc.acquisition-timeout")
                                   Duration connectionWait) {
        RecordEventService service = new RecordEventService(events, new EventEvaluations(events, progress, profiles,
                listening, expressions, awarding, eligibility, config.lateEventsBound(), points, badges), replays,
                clock, transactions, metrics);
        // an event waits for a unit as long as a request waits for a pooled connection, then answers 503
        return new MeteredRecordEvent(new GroupCommit(service, config.groupCommitUnits(), connectionWait), metrics,
                System::nanoTime);
    }

    @Produces
    @Singleton
    DirectAwardUseCase directAward(MomentRepository moments, RewardRepository rewards,
                                   UserProfileRepository profiles, CompiledExpressions expressions, Awarding awarding,
                                   Eligibility eligibility, Clock clock, TransactionRunner transactions,
                                   Metrics metrics) {
        return new MeteredDirectAwards(new DirectAwardService(moments, rewards, profiles, expressions, awarding,
                eligibility, clock, transactions), metrics, transactions);
    }

    @Produces
    @Singleton
    ExplainProgressQuery explainProgress(MomentRepository moments, ProgressRepository progress,
                                         AwardRepository awards, UserProfileRepository profiles,
                                         Eligibility eligibility, Clock clock, MomentsConfig config) {
        return new ExplainProgressService(moments, progress, awards, profiles, eligibility, clock,
                config.lateEventsBound());
    }

    @Produces
    @Singleton
    GetAwardQuery getAward(AwardRepository awards, MomentRepository moments, TokenSealer sealer,
                           ClaimRepository claims, RewardRepository rewards) {
        return new GetAwardService(awards, moments, sealer, claims, rewards);
    }

    @Produces
    @Singleton
    CancelAwardUseCase cancelAward(AwardRepository awards, AwardEndings endings, Clock clock,
                                   TransactionRunner transactions) {
        return new CancelAwardService(awards, endings, clock, transactions);
    }

    @Produces
    @Singleton
    BlocklistUseCase blocklist(Blocklist blocklist, AwardRepository awards, UserProfileRepository profiles,
                               AwardEndings endings, IdGenerator ids, Clock clock, TransactionRunner transactions) {
        return new BlocklistService(blocklist, awards, profiles, endings, ids, clock, transactions);
    }

    @Produces
    @Singleton
    ReviewAwardsUseCase reviews(AwardRepository awards, AwardEndings endings, DomainEventOutbox outbox, AuditLog audit,
                                IdGenerator ids, Clock clock, TransactionRunner transactions) {
        return new ReviewService(awards, endings, outbox, audit, ids, clock, transactions);
    }

    @Produces
    @Singleton
    AuditUseCase audit(AuditLog audit, IdGenerator ids, Clock clock, TransactionRunner transactions) {
        return new AuditService(audit, ids, clock, transactions);
    }

    @Produces
    @Singleton
    ExpireAwardsUseCase expireAwards(AwardRepository awards, PartnerSpending spending, AwardEndings endings,
                                     Clock clock, TransactionRunner transactions) {
        return new ExpireAwardsService(awards, spending, endings, clock, transactions);
    }

    @Produces
    @Singleton
    RedeemUseCase redeem(AwardRepository awards, PartnerRepository partners, MomentRepository moments,
                         RewardRepository rewards, ClaimRepository claims, AwardMoney money,
                         FulfillmentGateways gateways,
                         DeliverySubmissions submissions, BackgroundTasks background, DomainEventOutbox outbox,
                         IdGenerator ids, Clock clock, TransactionRunner transactions) {
        return new RedeemService(awards, new RedemptionViews(partners, moments, rewards, claims, gateways),
                new Claiming(awards, moments, rewards, claims, money, gateways, outbox, ids), submissions, background,
                clock, transactions);
    }

    @Produces
    @Singleton
    PointsUseCase points(PointStore store, PointRules rules, CompiledExpressions expressions, IdGenerator ids,
                         Clock clock, TransactionRunner transactions) {
        return new PointsService(store, rules, expressions, ids, clock, transactions);
    }

    @Produces
    @Singleton
    BadgesUseCase badgesUseCase(BadgeStore store, Badges badges, CompiledExpressions expressions, IdGenerator ids,
                                Clock clock, TransactionRunner transactions) {
        return new BadgesService(store, badges, expressions, ids, clock, transactions);
    }

    @Produces
    @Singleton
    BrandingUseCase branding(PartnerRepository partners, TransactionRunner transactions) {
        return new BrandingService(partners, transactions);
    }

    @Produces
    @Singleton
    ReportFulfillmentUseCase reportFulfillment(AwardRepository awards, ClaimRepository claims, Deliveries deliveries,
                                               Clock clock, TransactionRunner transactions) {
        return new ReportFulfillmentService(awards, claims, deliveries, clock, transactions);
    }

    @Produces
    @Singleton
    RetryFulfillmentsUseCase retryFulfillments(ClaimRepository claims, DeliverySubmissions submissions, Clock clock,
                                               TransactionRunner transactions) {
        return new RetryFulfillmentsService(claims, submissions, clock, transactions);
    }

    @Produces
    @Singleton
    GetLedgerQuery getLedger(LedgerHistory history, MomentRepository moments, PartnerRepository partners,
                             PartnerSpending spending) {
        return new GetLedgerService(history, moments, partners, spending);
    }

    @Produces
    @Singleton
    @Typed({IdempotentRequestUseCase.class, ExpireIdempotencyKeysUseCase.class})
    IdempotencyService idempotency(IdempotencyKeys keys, TokenSealer sealer, Clock clock, MomentsConfig config,
                                   TransactionRunner transactions) {
        return new IdempotencyService(keys, sealer, clock, config.idempotency().retention(), transactions);
    }
}
