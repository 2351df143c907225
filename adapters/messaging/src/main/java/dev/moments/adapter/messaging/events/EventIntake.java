package dev.moments.adapter.messaging.events;

import dev.moments.adapter.messaging.events.EventMessage.Item;
import dev.moments.adapter.messaging.events.EventMessage.Unreadable;
import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.application.port.StoreUnavailableException;
import dev.moments.application.port.in.GetPartnerQuery;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.RecordEventCommand;
import dev.moments.application.port.in.RecordEventUseCase;
import dev.moments.application.port.in.RecordEventUseCase.BatchItem;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.DomainException;
import dev.moments.domain.shared.InvalidValueException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Records the event messages of a broker (RabbitMQ's queue or Kafka's topic {@code moments.events}) through the same
 * use case as {@code POST /v1/events} and {@code /v1/events/batch}, with the same idempotency; the consumer of each
 * broker acknowledges a message once this returned.
 *
 * <p>What can never succeed (a body that is not an event, an unknown partner, an invalid event, an event id used
 * before with another body) is dead-lettered with its reason, a batch's bad events one by one while the others are
 * recorded. While the database is unavailable (or a write keeps losing races) the messages are recorded again after a
 * growing pause, never dead-lettered: those already committed come back as duplicates, nothing happens twice. A
 * failure nobody expected is thrown to the consumer.
 */
@ApplicationScoped
public class EventIntake {

    private static final Logger LOG = Logger.getLogger(EventIntake.class);
    /** Partners known to exist are not asked for again; a bound keeps a flood of made-up ids from growing it. */
    private static final int KNOWN_PARTNERS = 10_000;

    private final RecordEventUseCase recordEvent;
    private final GetPartnerQuery partners;
    private final Set<PartnerId> known = ConcurrentHashMap.newKeySet();

    public EventIntake(RecordEventUseCase recordEvent, GetPartnerQuery partners) {
        this.recordEvent = recordEvent;
        this.partners = partners;
    }

    /** Where a broker puts what cannot be recorded: completes once the broker took the dead letter. */
    @FunctionalInterface
    public interface DeadLetterSink {

        /**
         * @param body the message as it came, or one event of a batch message with {@code partnerId} added
         * @param code the problem type's last segment, e.g. {@code invalid-value}
         */
        CompletableFuture<Void> send(byte[] body, String code, String detail);
    }

    /** One message of a broker, and where its dead letters go. */
    public record Delivery(byte[] body, DeadLetterSink deadLetters) {
    }

    /**
     * Records the events of the messages, in their order, together (a unit of work holds the events of several
     * messages); returns the dead letters of what cannot be recorded, being confirmed by the broker.
     *
     * @throws RuntimeException a failure nobody expected; some events may have been recorded
     */
    public List<CompletableFuture<Void>> record(List<Delivery> messages) {
        List<CompletableFuture<Void>> letters = new ArrayList<>();
        List<Read> read = new ArrayList<>(messages.size());
        List<RecordEventCommand> commands = new ArrayList<>();
        for (Delivery message : messages) {
            try {
                EventMessage events = EventMessage.read(message.body());
                requireKnown(events.partnerId());
                read.add(new Read(message, events));
                events.items().stream().map(Item::command).filter(command -> command != null).forEach(commands::add);
            } catch (Unreadable unreadable) {
                letters.add(message.deadLetters().send(message.body(), unreadable.code(), unreadable.getMessage()));
            } catch (NotFoundException unknown) {
                letters.add(message.deadLetters().send(message.body(), unknown.code(),
                        "partnerId: " + unknown.getMessage()));
            }
        }
        List<BatchItem> results = recordRetryingOutages(commands);
        int next = 0;
        for (Read message : read) {
            for (Item item : message.events().items()) {
                RuntimeException refused = item.command() != null ? results.get(next++).failure() : item.refused();
                if (refused != null) {
                    // a single event's message is dead-lettered as it came; a batch's event with the partner's id
                    byte[] body = message.events().batch() ? EventMessage.bytes(item.json())
                            : message.delivery().body();
                    letters.add(deadLetter(message.delivery().deadLetters(), body, refused));
                }
            }
        }
        return letters;
    }

    private record Read(Delivery delivery, EventMessage events) {
    }

    private static CompletableFuture<Void> deadLetter(DeadLetterSink sink, byte[] json, RuntimeException refused) {
        if (refused instanceof InvalidValueException invalid) {
            return sink.send(json, invalid.code(), invalid.field() + ": " + invalid.getMessage());
        }
        if (refused instanceof DomainException domain) {
            return sink.send(json, domain.code(), domain.getMessage());
        }
        throw refused;
    }

    /** Records the commands; while the store is unavailable (or a write keeps losing races), again after a pause. */
    private List<BatchItem> recordRetryingOutages(List<RecordEventCommand> commands) {
        return commands.isEmpty() ? List.of() : retryingOutages(() -> {
            List<BatchItem> results = recordEvent.recordAll(commands);
            results.stream().map(BatchItem::failure).filter(EventIntake::isTransient).findFirst().ifPresent(e -> {
                throw e;
            });
            return results;
        });
    }

    /** Runs {@code work} until it does not fail for an outage, pausing longer each time (at most 30 s). */
    private static <T> T retryingOutages(Supplier<T> work) {
        Backoff backoff = new Backoff();
        while (true) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    throw e;
                }
                LOG.warnf("the store is unavailable (%s); the messages are tried again in %d ms", e,
                        backoff.next().toMillis());
            }
            backoff.pause();
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
}
