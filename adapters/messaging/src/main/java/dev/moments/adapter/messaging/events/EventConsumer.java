package dev.moments.adapter.messaging.events;

import dev.moments.adapter.messaging.events.EventMessage.Item;
import dev.moments.adapter.messaging.events.EventMessage.Unreadable;
import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.application.port.StoreUnavailableException;
import dev.moments.application.port.in.GetPartnerQuery;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.RecordEventCommand;
import dev.moments.application.port.in.RecordEventUseCase.BatchItem;
import dev.moments.application.port.in.RecordEventUseCase;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.DomainException;
import dev.moments.domain.shared.InvalidValueException;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Records the events internal systems publish to the queue {@code moments.events}, through the same use case as
 * {@code POST /v1/events} and {@code /v1/events/batch}, with the same idempotency.
 *
 * <p>A message is acknowledged only once its events are committed. What can never succeed (a body that is not an
 * event, an unknown partner, an invalid event, an event id used before with another body) is dead-lettered with
 * its reason, a batch's bad events one by one while the others are recorded, and the message is then acknowledged.
 * While the database is unavailable the message is tried again here, with a growing pause, and never
 * dead-lettered; anything else (a failure nobody expected) gives the message back to the queue, whose delivery
 * limit dead-letters it if it keeps failing.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);
    /** Partners known to exist are not asked for again; a bound keeps a flood of made-up ids from growing it. */
    private static final int KNOWN_PARTNERS = 10_000;

    private final RecordEventUseCase recordEvent;
    private final GetPartnerQuery partners;
    private final DeadLetters deadLetters;
    private final Set<PartnerId> known = ConcurrentHashMap.newKeySet();
    private final Optional<String> haltAfterCommitOf;
    private final Duration confirmTimeout;

    /**
     * @param haltAfterCommitOf a fail point for the tests that kill the service between a commit and its
     *     acknowledgement: the process halts at once after recording the message that carries this event id (unset,
     *     as it must be in production, it does nothing)
     */
    public EventConsumer(RecordEventUseCase recordEvent, GetPartnerQuery partners, DeadLetters deadLetters,
                         @ConfigProperty(name = "moments.messaging.confirm-timeout", defaultValue = "10s")
                         Duration confirmTimeout,
                         @ConfigProperty(name = "moments.messaging.fail-point.halt-after-commit-of")
                         Optional<String> haltAfterCommitOf) {
        this.recordEvent = recordEvent;
        this.partners = partners;
        this.deadLetters = deadLetters;
        this.haltAfterCommitOf = haltAfterCommitOf;
        this.confirmTimeout = confirmTimeout;
    }

    @Incoming("events")
    @Blocking(value = "moments-events", ordered = false)
    public CompletionStage<Void> consume(Message<byte[]> message) {
        try {
            List<CompletableFuture<Void>> letters = record(message.getPayload());
            CompletableFuture.allOf(letters.toArray(CompletableFuture[]::new))
                    .get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (haltAfterCommitOf.isPresent() && new String(message.getPayload(), StandardCharsets.UTF_8)
                    .contains("\"" + haltAfterCommitOf.get() + "\"")) {
                LOG.warnf("fail point: halting after the commit of %s, before its acknowledgement",
                        haltAfterCommitOf.get());
                Runtime.getRuntime().halt(137);
            }
            return message.ack();
        } catch (TimeoutException | ExecutionException unconfirmed) {
            LOG.warnf("the broker did not confirm a message's dead letters (%s); it goes back to the queue",
                    unconfirmed.toString());
            return message.nack(unconfirmed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return message.nack(interrupted);
        } catch (RuntimeException unexpected) {
            LOG.errorf(unexpected, "an event message failed unexpectedly; it goes back to the queue");
            return message.nack(unexpected);
        }
    }

    /** Records what the message holds; answers the dead letters of what it cannot record, being confirmed. */
    private List<CompletableFuture<Void>> record(byte[] body) {
        EventMessage read;
        try {
            read = EventMessage.read(body);
            requireKnown(read.partnerId());
        } catch (Unreadable unreadable) {
            return List.of(deadLetters.send(body, unreadable.code(), unreadable.getMessage()));
        } catch (NotFoundException unknown) {
            return List.of(deadLetters.send(body, unknown.code(), "partnerId: " + unknown.getMessage()));
        }
        List<Item> recordable = read.items().stream().filter(item -> item.command() != null).toList();
        List<BatchItem> results = recordRetryingOutages(recordable.stream().map(Item::command).toList());
        List<CompletableFuture<Void>> letters = new ArrayList<>();
        int next = 0;
        for (Item item : read.items()) {
            RuntimeException refused = item.command() != null ? results.get(next++).failure() : item.refused();
            if (refused != null) {
                // a single event's message is dead-lettered as it came; a batch's event with the partner's id added
                letters.add(deadLetter(read.batch() ? EventMessage.bytes(item.json()) : body, refused));
            }
        }
        return letters;
    }

    private CompletableFuture<Void> deadLetter(byte[] json, RuntimeException refused) {
        if (refused instanceof InvalidValueException invalid) {
            return deadLetters.send(json, invalid.code(), invalid.field() + ": " + invalid.getMessage());
        }
        if (refused instanceof DomainException domain) {
            return deadLetters.send(json, domain.code(), domain.getMessage());
        }
        throw refused;
    }

    /**
     * Records the commands; while the store is unavailable (or a write keeps losing races), all of them again after a
     * pause: those already committed come back as duplicates, nothing happens twice.
     */
    private List<BatchItem> recordRetryingOutages(List<RecordEventCommand> commands) {
        return commands.isEmpty() ? List.of() : retryingOutages(() -> {
            List<BatchItem> results = recordEvent.recordAll(commands);
            results.stream().map(BatchItem::failure).filter(EventConsumer::isTransient).findFirst().ifPresent(e -> {
                throw e;
            });
            return results;
        });
    }

    /** Runs {@code work} until it does not fail for an outage, pausing longer each time (at most 30 s). */
    private static <T> T retryingOutages(Supplier<T> work) {
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    throw e;
                }
                LOG.warnf("the store is unavailable (%s); the message is tried again in %d ms", e, pause.toMillis());
            }
            sleep(pause);
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    private void requireKnown(PartnerId partnerId) {
        if (!known.contains(partnerId)) {
            retryingOutages(() -> partners.get(partnerId));
            if (known.size() < KNOWN_PARTNERS) {
                known.add(partnerId);
            }
        }
    }

    private static boolean isTransient(RuntimeException failure) {
        return failure instanceof StoreUnavailableException || failure instanceof ConcurrentWriteException;
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the store was unavailable", e);
        }
    }
}
