package dev.moments.bootstrap;

import dev.moments.adapter.rest.AdminToken;
import dev.moments.adapter.rules.CelExpressionCompiler;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.BackgroundTasks;
import dev.moments.application.port.out.BudgetLedger;
import dev.moments.application.port.out.ClaimRepository;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.CodePool;
import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.application.port.out.EventLog;
import dev.moments.application.port.out.ExpressionCompiler;
import dev.moments.application.port.out.FulfillmentGateway;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.IdempotencyKeys;
import dev.moments.application.port.out.LedgerHistory;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.PartnerRepository;
import dev.moments.application.port.out.PartnerSpending;
import dev.moments.application.port.out.ProgressRepository;
import dev.moments.application.port.out.RewardRepository;
import dev.moments.application.port.out.SecretGenerator;
import dev.moments.application.port.out.TokenSealer;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.application.port.out.UserProfileRepository;
import dev.moments.application.service.AwardLifecycleService;
import dev.moments.application.service.AwardService;
import dev.moments.application.service.Awarding;
import dev.moments.application.service.CodePoolService;
import dev.moments.application.service.CompiledExpressions;
import dev.moments.application.service.DirectAwardService;
import dev.moments.application.service.Eligibility;
import dev.moments.application.service.EventEvaluations;
import dev.moments.application.service.EventReplays;
import dev.moments.application.service.ExplainService;
import dev.moments.application.service.FulfillmentService;
import dev.moments.application.service.IdempotencyService;
import dev.moments.application.service.ListeningMoments;
import dev.moments.application.service.MomentService;
import dev.moments.application.service.PartnerService;
import dev.moments.application.service.RecordEventService;
import dev.moments.application.service.RedemptionService;
import dev.moments.application.service.RewardService;
import dev.moments.application.service.StatementService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * Wires the framework-free core: every application service and the ports that have no adapter module of their own
 * are created here, so the core never needs an annotation.
 */
@ApplicationScoped
public class CoreConfiguration {

    private static final Logger LOG = Logger.getLogger(CoreConfiguration.class);

    @Produces
    @Singleton
    Clock clock() {
        return new SystemClock();
    }

    @Produces
    @Singleton
    IdGenerator ids() {
        return new RandomIds(System::currentTimeMillis);
    }

    @Produces
    @Singleton
    SecretGenerator secrets() {
        return new SecureSecrets();
    }

    @Produces
    @Singleton
    ExpressionCompiler expressionCompiler() {
        return new CelExpressionCompiler();
    }

    @Produces
    @Singleton
    CompiledExpressions compiledExpressions(ExpressionCompiler compiler) {
        return new CompiledExpressions(compiler);
    }

    @Produces
    @Singleton
    TokenSealer tokenSealer(MomentsConfig config) {
        byte[] key = config.tokenKey().map(value -> Base64.getDecoder().decode(value.strip())).orElseGet(() -> {
            LOG.warn("moments.token-key is not set: generated one for this run. Redemption links keep working after a "
                    + "restart, but links issued before it can no longer be shown again. Set MOMENTS_TOKEN_KEY "
                    + "(base64 of 32 random bytes, e.g. `openssl rand -base64 32`) in production.");
            return randomBytes(32);
        });
        return new AesGcmTokenSealer(key);
    }

    @Produces
    @Singleton
    AdminToken adminToken(MomentsConfig config) {
        return new AdminToken(config.adminToken().filter(token -> !token.isBlank()).orElseGet(() -> {
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(24));
            LOG.infof("No admin token configured (moments.admin-token / MOMENTS_ADMIN_TOKEN); generated one for this "
                    + "run: %s", generated);
            return generated;
        }));
    }

    @Produces
    @Singleton
    PartnerService partnerService(PartnerRepository partners, PartnerSpending spending, IdGenerator ids,
                                  SecretGenerator secrets, Clock clock, TransactionRunner transactions) {
        return new PartnerService(partners, spending, ids, secrets, clock, transactions);
    }

    @Produces
    @Singleton
    RewardService rewardService(RewardRepository rewards, PartnerRepository partners, IdGenerator ids, Clock clock,
                                TransactionRunner transactions, FulfillmentService fulfillment) {
        // a reward may name a provider only if this build can deliver with it: a gateway bean exists
        // (adapters/fulfillment has one per provider)
        return new RewardService(rewards, partners, ids, clock, transactions, fulfillment.supportedProviders());
    }

    @Produces
    @Singleton
    FulfillmentService fulfillmentService(AwardRepository awards, MomentRepository moments, RewardRepository rewards,
                                          ClaimRepository claims, BudgetLedger ledger, PartnerSpending spending,
                                          ListeningMoments listening, DomainEventOutbox outbox,
                                          Instance<FulfillmentGateway> gateways, IdGenerator ids, Clock clock,
                                          TransactionRunner transactions, MomentsConfig config) {
        return new FulfillmentService(awards, moments, rewards, claims, ledger, spending, listening, outbox,
                gateways.stream().toList(), ids, clock, transactions, config.fulfillmentFirstRetry());
    }

    @Produces
    @Singleton
    RedemptionService redemptionService(AwardRepository awards, MomentRepository moments, RewardRepository rewards,
                                        ClaimRepository claims, FulfillmentService fulfillment,
                                        BackgroundTasks background, DomainEventOutbox outbox, IdGenerator ids,
                                        Clock clock, TransactionRunner transactions) {
        return new RedemptionService(awards, moments, rewards, claims, fulfillment, background, outbox, ids, clock,
                transactions);
    }

    @Produces
    @Singleton
    CodePoolService codePoolService(RewardRepository rewards, CodePool codes, Clock clock,
                                    TransactionRunner transactions) {
        return new CodePoolService(rewards, codes, clock, transactions);
    }

    @Produces
    @Singleton
    ListeningMoments listeningMoments(MomentRepository moments, Clock clock, MomentsConfig config) {
        return new ListeningMoments(moments, clock, config.momentIndexMaxAge());
    }

    @Produces
    @Singleton
    MomentService momentService(MomentRepository moments, RewardRepository rewards, PartnerRepository partners,
                                BudgetLedger ledger, ProgressRepository progress, CompiledExpressions expressions,
                                ListeningMoments listening, IdGenerator ids, Clock clock,
                                TransactionRunner transactions) {
        return new MomentService(moments, rewards, partners, ledger, progress, expressions, listening, ids, clock,
                transactions);
    }

    @Produces
    @Singleton
    Awarding awarding(MomentRepository moments, AwardRepository awards, BudgetLedger ledger, PartnerSpending spending,
                      IdGenerator ids, SecretGenerator secrets, TokenSealer sealer, DomainEventOutbox outbox,
                      ListeningMoments listening) {
        return new Awarding(moments, awards, ledger, spending, ids, secrets, sealer, outbox, listening);
    }

    @Produces
    @Singleton
    Eligibility eligibility(MomentRepository moments, AwardRepository awards, BudgetLedger ledger,
                            PartnerSpending spending) {
        return new Eligibility(moments, awards, ledger, spending);
    }

    @Produces
    @Singleton
    RecordEventService recordEventService(EventLog events, ProgressRepository progress,
                                          UserProfileRepository profiles, ListeningMoments listening,
                                          CompiledExpressions expressions, Awarding awarding, Eligibility eligibility,
                                          MomentRepository moments, AwardRepository awards, TokenSealer sealer,
                                          Clock clock, MomentsConfig config, TransactionRunner transactions) {
        return new RecordEventService(events, new EventEvaluations(events, progress, profiles, listening, expressions,
                awarding, eligibility, config.lateEventsBound()), new EventReplays(moments, awards, sealer), clock,
                transactions);
    }

    @Produces
    @Singleton
    AwardLifecycleService awardLifecycleService(AwardRepository awards, MomentRepository moments, BudgetLedger ledger,
                                                PartnerSpending spending, ListeningMoments listening, Clock clock,
                                                TransactionRunner transactions) {
        return new AwardLifecycleService(awards, moments, ledger, spending, listening, clock, transactions);
    }

    @Produces
    @Singleton
    ExplainService explainService(MomentRepository moments, ProgressRepository progress, AwardRepository awards,
                                  Eligibility eligibility, Clock clock, MomentsConfig config) {
        return new ExplainService(moments, progress, awards, eligibility, clock, config.lateEventsBound());
    }

    @Produces
    @Singleton
    DirectAwardService directAwardService(MomentRepository moments, RewardRepository rewards,
                                          UserProfileRepository profiles, CompiledExpressions expressions,
                                          Awarding awarding, Eligibility eligibility, Clock clock,
                                          TransactionRunner transactions) {
        return new DirectAwardService(moments, rewards, profiles, expressions, awarding, eligibility, clock,
                transactions);
    }

    @Produces
    @Singleton
    AwardService awardService(AwardRepository awards, MomentRepository moments, TokenSealer sealer,
                              ClaimRepository claims, RewardRepository rewards) {
        return new AwardService(awards, moments, sealer, claims, rewards);
    }

    @Produces
    @Singleton
    IdempotencyService idempotencyService(IdempotencyKeys keys, TokenSealer sealer, Clock clock,
                                          MomentsConfig config, TransactionRunner transactions) {
        return new IdempotencyService(keys, sealer, clock, config.idempotency().retention(), transactions);
    }

    @Produces
    @Singleton
    StatementService statementService(LedgerHistory history, MomentRepository moments, PartnerRepository partners,
                                      PartnerSpending spending) {
        return new StatementService(history, moments, partners, spending);
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
