package dev.moments.bootstrap;

import dev.moments.application.port.Relay;
import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.application.port.out.Metrics;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.award.Refusal;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.shared.Money;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The contract's metrics on Micrometer, served in Prometheus' format at {@code /q/metrics}:
 * {@code moments_events_total{outcome}}, {@code moments_event_seconds} (a histogram),
 * {@code moments_awards_total{moment}}, {@code moments_refusals_total{reason}}, {@code moments_spend_total{currency}},
 * {@code moments_webhook_deliveries_total{result}} and {@code moments_outbox_pending{relay}}. Labels are bounded: the
 * outcomes, reasons, results and relays are fixed lists, currencies are ISO codes, and moments are the partners' own.
 */
public final class MicrometerMetrics implements Metrics {

    private final MeterRegistry registry;
    // the fixed label sets, registered once: the path of every event only looks them up
    private final Map<EventOutcome, Counter> events = new EnumMap<>(EventOutcome.class);
    private final Map<EventOutcome, Timer> eventTimes = new EnumMap<>(EventOutcome.class);
    private final Map<Refusal, Counter> refusals = new EnumMap<>(Refusal.class);
    private final Map<MomentId, Counter> awards = new ConcurrentHashMap<>();
    private final Map<Relay, AtomicReference<Double>> pending = new EnumMap<>(Relay.class);
    private final DomainEventOutbox outbox;
    private final TransactionRunner transactions;

    public MicrometerMetrics(MeterRegistry registry, DomainEventOutbox outbox, TransactionRunner transactions) {
        this.registry = registry;
        this.outbox = outbox;
        this.transactions = transactions;
        for (EventOutcome outcome : EventOutcome.values()) {
            String name = outcome.name().toLowerCase(Locale.ROOT);
            events.put(outcome, Counter.builder("moments.events").description("Events reported, by how they ended")
                    .tag("outcome", name).register(registry));
            eventTimes.put(outcome, Timer.builder("moments.event")
                    .description("Time to record one event (a batch's events share its time)")
                    .tag("outcome", name).publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(10)).register(registry));
        }
        for (Refusal reason : Refusal.values()) {
            refusals.put(reason, Counter.builder("moments.refusals").description("Completions not paid, by reason")
                    .tag("reason", reason.name()).register(registry));
        }
        for (Relay relay : Relay.values()) {
            AtomicReference<Double> waiting = new AtomicReference<>(Double.NaN);
            pending.put(relay, waiting);
            Gauge.builder("moments.outbox.pending", waiting::get)
                    .description("Domain events written and not yet passed on by the relay (measured every 10 s)")
                    .tag("relay", relay.name().toLowerCase(Locale.ROOT)).register(registry);
        }
    }

    @Override
    public void event(EventOutcome outcome, Duration took) {
        events.get(outcome).increment();
        eventTimes.get(outcome).record(took);
    }

    @Override
    public void awarded(MomentId moment) {
        awards.computeIfAbsent(moment, id -> Counter.builder("moments.awards").description("Awards paid, by moment")
                .tag("moment", id.value()).register(registry)).increment();
    }

    @Override
    public void refused(Refusal reason) {
        refusals.get(reason).increment();
    }

    @Override
    public void spent(Money amount) {
        Counter.builder("moments.spend").description("Money settled by claims, in the currency's units")
                .tag("currency", amount.currency().getCurrencyCode()).register(registry)
                .increment(amount.amount().doubleValue());
    }

    @Override
    public void decidedAgainUnderLocks() {
        Counter.builder("moments.units.decided.again").description("Units of events whose money moved after they"
                + " read it, rolled back and decided again with the locks taken first").register(registry).increment();
    }

    @Override
    public void webhookAttempt(boolean delivered) {
        Counter.builder("moments.webhook.deliveries").description("Webhook delivery attempts, by result")
                .tag("result", delivered ? "delivered" : "failed").register(registry).increment();
    }

    /**
     * Counts what waits in the outbox for each relay, for the gauge: called every 10 s (OutboxRelayJob), never by a
     * scrape, so a scrape answers at once even while the database does not; NaN while it cannot be counted.
     */
    public void measureOutbox() {
        for (Relay relay : Relay.values()) {
            double waiting;
            try {
                waiting = transactions.inTransaction(() -> outbox.countPending(relay));
            } catch (RuntimeException unavailable) {
                waiting = Double.NaN;
            }
            pending.get(relay).set(waiting);
        }
    }
}
