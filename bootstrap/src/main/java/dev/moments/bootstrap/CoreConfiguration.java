package dev.moments.bootstrap;

import dev.moments.adapter.rest.AdminToken;
import dev.moments.adapter.rules.CelExpressionCompiler;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.BadgeStore;
import dev.moments.application.port.out.Blocklist;
import dev.moments.application.port.out.BudgetLedger;
import dev.moments.application.port.out.ClaimRepository;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.application.port.out.ExpressionCompiler;
import dev.moments.application.port.out.FulfillmentGateway;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.Metrics;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.PartnerRepository;
import dev.moments.application.port.out.PartnerSpending;
import dev.moments.application.port.out.PointStore;
import dev.moments.application.port.out.RewardRepository;
import dev.moments.application.port.out.SecretGenerator;
import dev.moments.application.port.out.TokenSealer;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.application.service.AwardEndings;
import dev.moments.application.service.AwardIssuer;
import dev.moments.application.service.AwardMoney;
import dev.moments.application.service.Awarding;
import dev.moments.application.service.Badges;
import dev.moments.application.service.BudgetFollower;
import dev.moments.application.service.CompiledExpressions;
import dev.moments.application.service.Deliveries;
import dev.moments.application.service.DeliverySubmissions;
import dev.moments.application.service.Eligibility;
import dev.moments.application.service.EventReplays;
import dev.moments.application.service.FulfillmentGateways;
import dev.moments.application.service.ListeningMoments;
import dev.moments.application.service.MomentDefinitions;
import dev.moments.application.service.MomentViews;
import dev.moments.application.service.PointRules;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * Wires the framework-free core: every application service and the ports that have no adapter module of their own
 * are created here or in {@link UseCaseConfiguration}, so the core never needs an annotation. The collaborators
 * several use cases share are produced here as themselves; the use cases there, as their incoming ports.
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

    // ---- the collaborators several use cases share: not ports, so produced as what they are

    @Produces
    @Singleton
    CompiledExpressions compiledExpressions(ExpressionCompiler compiler) {
        return new CompiledExpressions(compiler);
    }

    @Produces
    @Singleton
    ListeningMoments listeningMoments(MomentRepository moments, Clock clock, MomentsConfig config) {
        return new ListeningMoments(moments, clock, config.momentIndexMaxAge());
    }

    /** The partners' badges by event type, kept like the index of listening moments. */
    @Produces
    @Singleton
    Badges badges(BadgeStore store, Clock clock, MomentsConfig config) {
        return new Badges(store, clock, config.momentIndexMaxAge());
    }

    /** The partners' point rules by event type, kept like the index of listening moments. */
    @Produces
    @Singleton
    PointRules pointRules(PointStore store, CompiledExpressions expressions, IdGenerator ids, Clock clock,
                          MomentsConfig config) {
        return new PointRules(store, expressions, ids, clock, config.momentIndexMaxAge());
    }

    @Produces
    @Singleton
    BudgetFollower budgetFollower(MomentRepository moments, BudgetLedger ledger, ListeningMoments listening,
                                  DomainEventOutbox outbox, IdGenerator ids) {
        return new BudgetFollower(moments, ledger, listening, outbox, ids);
    }

    @Produces
    @Singleton
    MomentDefinitions momentDefinitions(PartnerRepository partners, RewardRepository rewards,
                                        CompiledExpressions expressions) {
        return new MomentDefinitions(partners, rewards, expressions);
    }

    @Produces
    @Singleton
    MomentViews momentViews(MomentRepository moments, BudgetLedger ledger) {
        return new MomentViews(moments, ledger);
    }

    @Produces
    @Singleton
    Eligibility eligibility(MomentRepository moments, AwardRepository awards, BudgetLedger ledger,
                            PartnerSpending spending, Blocklist blocklist) {
        return new Eligibility(moments, awards, ledger, spending, blocklist);
    }

    @Produces
    @Singleton
    AwardIssuer awardIssuer(IdGenerator ids, SecretGenerator secrets, TokenSealer sealer) {
        return new AwardIssuer(ids, secrets, sealer);
    }

    @Produces
    @Singleton
    Awarding awarding(MomentRepository moments, AwardRepository awards, BudgetLedger ledger, PartnerSpending spending,
                      AwardIssuer issuer, BudgetFollower follower, DomainEventOutbox outbox, IdGenerator ids,
                      Blocklist blocklist) {
        return new Awarding(moments, awards, ledger, spending, issuer, follower, outbox, ids, blocklist);
    }

    @Produces
    @Singleton
    AwardMoney awardMoney(BudgetLedger ledger, PartnerSpending spending, BudgetFollower follower, Metrics metrics,
                          TransactionRunner transactions) {
        return new AwardMoney(ledger, spending, follower, metrics, transactions);
    }

    @Produces
    @Singleton
    MicrometerMetrics metrics(MeterRegistry registry, DomainEventOutbox outbox, TransactionRunner transactions) {
        return new MicrometerMetrics(registry, outbox, transactions);
    }

    @Produces
    @Singleton
    AwardEndings awardEndings(AwardRepository awards, MomentRepository moments, AwardMoney money,
                              DomainEventOutbox outbox, IdGenerator ids) {
        return new AwardEndings(awards, moments, money, outbox, ids);
    }

    /** One gateway bean per provider this build can deliver with (adapters/fulfillment). */
    @Produces
    @Singleton
    FulfillmentGateways fulfillmentGateways(Instance<FulfillmentGateway> gateways) {
        return new FulfillmentGateways(gateways.stream().toList());
    }

    @Produces
    @Singleton
    Deliveries deliveries(AwardRepository awards, MomentRepository moments, RewardRepository rewards,
                          ClaimRepository claims, AwardMoney money, DomainEventOutbox outbox, IdGenerator ids) {
        return new Deliveries(awards, moments, rewards, claims, money, outbox, ids);
    }

    @Produces
    @Singleton
    DeliverySubmissions deliverySubmissions(AwardRepository awards, RewardRepository rewards, ClaimRepository claims,
                                            Deliveries deliveries, FulfillmentGateways gateways, Clock clock,
                                            TransactionRunner transactions, MomentsConfig config) {
        return new DeliverySubmissions(awards, rewards, claims, deliveries, gateways, clock, transactions,
                config.fulfillmentFirstRetry());
    }

    @Produces
    @Singleton
    EventReplays eventReplays(MomentRepository moments, AwardRepository awards, TokenSealer sealer) {
        return new EventReplays(moments, awards, sealer);
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
