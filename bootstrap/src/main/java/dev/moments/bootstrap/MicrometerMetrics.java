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

    public MicrometerMetrics(MeterRegistry registry, DomainEventOutbox outbox, TransactionRunner transactions) {
        this.registry = registry;
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
            Gauge.builder("moments.outbox.pending", () -> pending(outbox, transactions, relay))
                    .description("Domain events written and not yet passed on by the relay")
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
        Counter.builder("moments.awards").description("Awards paid, by moment").tag("moment", moment.value())
                .register(registry).increment();
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
    public void webhookAttempt(boolean delivered) {
        Counter.builder("moments.webhook.deliveries").description("Webhook delivery attempts, by result")
                .tag("result", delivered ? "delivered" : "failed").register(registry).increment();
    }

    /** Asked at each scrape; NaN while the database cannot answer. */
    private static double pending(DomainEventOutbox outbox, TransactionRunner transactions, Relay relay) {
        try {
            return transactions.inTransaction(() -> outbox.countPending(relay));
        } catch (RuntimeException unavailable) {
            return Double.NaN;
        }
    }
}
