package dev.moments.application.service;

import dev.moments.application.port.StoreUnavailableException;
import dev.moments.application.port.in.EventIdConflictException;
import dev.moments.application.port.in.RecordEventCommand;
import dev.moments.application.port.in.RecordEventUseCase;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.EventLog;
import dev.moments.application.port.out.Metrics;
import dev.moments.application.port.out.RecordedEvent;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Records events and pays for what they complete ({@code POST /v1/events}, batches, dry runs): dedupe by (partner,
 * event id), then evaluate and pay in one transaction per unit of work ({@link EventEvaluation}); a batch is cut into
 * units of up to {@value #UNIT_OF_WORK} events, and a unit that fails as a whole is recorded again event by event so
 * a failure stays with the event that caused it — unless the store is unavailable, which fails the rest at once.
 */
public final class RecordEventService implements RecordEventUseCase {

    /** How far in the future an event's {@code occurredAt} may lie, for clock skew between systems. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    /** The most events of a batch recorded in one transaction. */
    static final int UNIT_OF_WORK = 100;

    private final EventLog events;
    private final EventEvaluations evaluations;
    private final EventReplays replays;
    private final Clock clock;
    private final Transactions transactions;
    private final Metrics metrics;

    /** @param metrics counts the units decided again with the locks first ({@link Awarding.MoneyMoved}) */
    public RecordEventService(EventLog events, EventEvaluations evaluations, EventReplays replays, Clock clock,
                              TransactionRunner transactions, Metrics metrics) {
        this.events = events;
        this.evaluations = evaluations;
        this.replays = replays;
        this.clock = clock;
        this.transactions = new Transactions(transactions);
        this.metrics = metrics;
    }

    @Override
    public EventResult record(RecordEventCommand command) {
        return handle(command, false);
    }

    @Override
    public EventResult dryRun(RecordEventCommand command) {
        return handle(command, true);
    }

    private EventResult handle(RecordEventCommand command, boolean dryRun) {
        Instant occurredAt = occurredAt(command, clock.now());
        String fingerprint = command.fingerprint();
        return transactions.runPaying(locking -> events.find(command.partnerId(), command.id())
                .map(recorded -> replays.replay(recorded, fingerprint))
                .orElseGet(() -> {
                    EventEvaluation evaluation = evaluations.start(clock.now(), dryRun, locking);
                    evaluation.prepare(List.of(command));
                    EventEvaluation.Work work = evaluation.add(command, occurredAt, fingerprint);
                    evaluation.payAndSave();
                    return work.result();
                }), metrics::decidedAgainUnderLocks);
    }

    @Override
    public List<BatchItem> recordAll(List<RecordEventCommand> commands) {
        BatchItem[] items = new BatchItem[commands.size()];
        for (int from = 0; from < commands.size(); from += UNIT_OF_WORK) {
            int to = Math.min(commands.size(), from + UNIT_OF_WORK);
            StoreUnavailableException outage = recordTogether(commands, from, to, items);
            if (outage != null) {
                // the store is down or has no connection to give: every event left would wait as long to fail
                for (int i = to; i < commands.size(); i++) {
                    items[i] = BatchItem.failed(outage);
                }
                break;
            }
        }
        return Arrays.asList(items);
    }

    /**
     * Records {@code commands[from, to)} in one unit of work. When that unit fails as a whole (it lost too many races,
     * or one event broke it half-way), each of its events is recorded on its own instead, so a failure stays with
     * the event that caused it; unless the store is unavailable, which fails them all at once.
     *
     * @return the outage that failed the unit, or {@code null}
     */
    private StoreUnavailableException recordTogether(List<RecordEventCommand> commands, int from, int to, BatchItem[] items) {
        Instant now = clock.now();
        List<Integer> admitted = new ArrayList<>();
        List<Instant> occurredAt = new ArrayList<>();
        for (int i = from; i < to; i++) {
            try {
                occurredAt.add(occurredAt(commands.get(i), now));
                admitted.add(i);
            } catch (RuntimeException e) {
                items[i] = BatchItem.failed(e);
            }
        }
        try {
            List<BatchItem> together = transactions.runPaying(locking -> {
                EventEvaluation evaluation = evaluations.start(clock.now(), false, locking);
                Map<List<String>, Integer> firstById = new HashMap<>(); // by (partner, event id)
                BatchItem[] unit = new BatchItem[admitted.size()];
                EventEvaluation.Work[] works = new EventEvaluation.Work[admitted.size()];
                List<RecordEventCommand> unitCommands = admitted.stream().map(commands::get).toList();
                Map<PartnerId, Map<String, RecordedEvent>> recordedBefore = unitCommands.stream()
                        .collect(Collectors.groupingBy(RecordEventCommand::partnerId,
                                Collectors.mapping(RecordEventCommand::id, Collectors.toSet())))
                        .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                                entry -> events.findAll(entry.getKey(), entry.getValue())));
                evaluation.prepare(unitCommands.stream()
                        .filter(command -> !recordedBefore.get(command.partnerId()).containsKey(command.id()))
                        .toList());
                for (int k = 0; k < admitted.size(); k++) {
                    RecordEventCommand command = unitCommands.get(k);
                    Integer first = firstById.putIfAbsent(List.of(command.partnerId().value(), command.id()), k);
                    if (first != null) {
                        continue; // the same id twice in one batch: answered after the first is done
                    }
                    String fingerprint = command.fingerprint();
                    RecordedEvent recorded = recordedBefore.get(command.partnerId()).get(command.id());
                    if (recorded != null) {
                        unit[k] = answer(() -> replays.replay(recorded, fingerprint));
                    } else {
                        works[k] = evaluation.add(command, occurredAt.get(k), fingerprint);
                    }
                }
                evaluation.payAndSave();
                for (int k = 0; k < admitted.size(); k++) {
                    if (works[k] != null) {
                        unit[k] = BatchItem.of(works[k].result());
                    }
                }
                for (int k = 0; k < admitted.size(); k++) {
                    RecordEventCommand command = unitCommands.get(k);
                    int first = firstById.get(List.of(command.partnerId().value(), command.id()));
                    if (first != k) {
                        unit[k] = again(unitCommands.get(first), command, unit[first]);
                    }
                }
                return Arrays.asList(unit);
            }, metrics::decidedAgainUnderLocks);
            for (int k = 0; k < admitted.size(); k++) {
                items[admitted.get(k)] = together.get(k);
            }
        } catch (StoreUnavailableException outage) {
            admitted.forEach(i -> items[i] = BatchItem.failed(outage));
            return outage;
        } catch (RuntimeException unitFailed) {
            for (int i : admitted) {
                items[i] = answer(() -> record(commands.get(i)));
                if (items[i].failure() instanceof StoreUnavailableException outage) {
                    admitted.stream().filter(j -> items[j] == null).forEach(j -> items[j] = BatchItem.failed(outage));
                    return outage;
                }
            }
        }
        return null;
    }

    /** A later event of a batch with the id of an earlier one: a replay of it, or a conflict. */
    private static BatchItem again(RecordEventCommand first, RecordEventCommand later, BatchItem firstItem) {
        if (!first.fingerprint().equals(later.fingerprint())) {
            return BatchItem.failed(new EventIdConflictException(later.id()));
        }
        if (firstItem.failure() != null) {
            return firstItem;
        }
        EventResult result = firstItem.result();
        return BatchItem.of(new EventResult(result.eventId(), true, result.awards(), result.progress(),
                result.holdout(), List.of(), result.points(), result.badges()));
    }

    private static BatchItem answer(Supplier<EventResult> work) {
        try {
            return BatchItem.of(work.get());
        } catch (RuntimeException e) {
            return BatchItem.failed(e);
        }
    }

    /** When the event happened: as told, or now; never more than {@link #MAX_CLOCK_SKEW} ahead. */
    private static Instant occurredAt(RecordEventCommand command, Instant now) {
        Instant occurredAt = command.occurredAt() == null ? now : command.occurredAt();
        if (occurredAt.isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw new InvalidValueException("occurredAt", "occurredAt lies more than "
                    + MAX_CLOCK_SKEW.toMinutes() + " minutes in the future");
        }
        return occurredAt;
    }

}
