package dev.moments.adapter.rest;

import dev.moments.adapter.rest.dto.Requests;
import dev.moments.adapter.rest.dto.Responses;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.trigger.AllTrigger;
import dev.moments.domain.trigger.AnyTrigger;
import dev.moments.domain.trigger.CountTrigger;
import dev.moments.domain.trigger.DaysTrigger;
import dev.moments.domain.trigger.DirectTrigger;
import dev.moments.domain.trigger.EventTrigger;
import dev.moments.domain.trigger.Match;
import dev.moments.domain.trigger.SequenceTrigger;
import dev.moments.domain.trigger.SumTrigger;
import dev.moments.domain.trigger.Trigger;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Translates trigger JSON to the domain and back, naming every refused field by its full path. */
final class TriggerMapper {

    /** Every kind docs/api.md defines. */
    static final List<String> KINDS = List.of("event", "count", "sum", "days", "sequence", "all", "any", "direct");

    private TriggerMapper() {
    }

    static Trigger toDomain(Requests.Trigger trigger) {
        return toDomain(trigger, "trigger");
    }

    private static Trigger toDomain(Requests.Trigger trigger, String path) {
        if (trigger == null) {
            throw new InvalidValueException(path, "a trigger is required");
        }
        String kind = trigger.kind();
        if (kind == null) {
            throw new InvalidValueException(path + ".kind", "kind is required; one of " + KINDS);
        }
        return switch (kind) {
            case "event" -> at(path, () -> new EventTrigger(match(trigger)));
            case "count" -> at(path, () -> new CountTrigger(match(trigger), whole(trigger.atLeast()), trigger.within()));
            case "sum" -> at(path, () -> new SumTrigger(match(trigger), trigger.field(), trigger.atLeast(),
                    trigger.within()));
            case "days" -> at(path, () -> new DaysTrigger(match(trigger), whole(trigger.atLeast()),
                    Boolean.TRUE.equals(trigger.consecutive()), trigger.within()));
            case "sequence" -> {
                List<Match> steps = new ArrayList<>();
                if (trigger.steps() != null) {
                    for (int i = 0; i < trigger.steps().size(); i++) {
                        Requests.Step step = trigger.steps().get(i);
                        String stepPath = path + ".steps[" + i + "]";
                        if (step == null) {
                            throw new InvalidValueException(stepPath, "a step is required");
                        }
                        steps.add(at(stepPath, () -> new Match(step.event(), step.where())));
                    }
                }
                yield at(path, () -> new SequenceTrigger(steps, trigger.within()));
            }
            case "all" -> {
                List<Trigger> of = children(trigger, path);
                yield at(path, () -> new AllTrigger(of));
            }
            case "any" -> {
                List<Trigger> of = children(trigger, path);
                yield at(path, () -> new AnyTrigger(of));
            }
            case "direct" -> new DirectTrigger();
            default -> throw new InvalidValueException(path + ".kind", "unknown kind " + kind + "; one of " + KINDS);
        };
    }

    private static List<Trigger> children(Requests.Trigger trigger, String path) {
        if (trigger.of() == null) {
            return List.of();
        }
        List<Trigger> of = new ArrayList<>();
        for (int i = 0; i < trigger.of().size(); i++) {
            of.add(toDomain(trigger.of().get(i), path + ".of[" + i + "]"));
        }
        return of;
    }

    private static Match match(Requests.Trigger trigger) {
        return new Match(trigger.event(), trigger.where());
    }

    private static long whole(BigDecimal atLeast) {
        if (atLeast == null) {
            throw new InvalidValueException("atLeast", "atLeast is required");
        }
        if (atLeast.stripTrailingZeros().scale() > 0) {
            throw new InvalidValueException("atLeast", "atLeast must be a whole number");
        }
        if (atLeast.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 || atLeast.signum() < 0) {
            return atLeast.signum() < 0 ? -1 : Long.MAX_VALUE;
        }
        return atLeast.longValueExact();
    }

    /** Builds a part of the trigger, naming refused fields under {@code path}. */
    private static <T> T at(String path, Supplier<T> build) {
        try {
            return build.get();
        } catch (InvalidValueException e) {
            throw e.under(path);
        }
    }

    static Responses.Trigger toResponse(Trigger trigger) {
        if (trigger instanceof EventTrigger event) {
            return leaf("event", event.match(), null, null, null, null);
        }
        if (trigger instanceof CountTrigger count) {
            return leaf("count", count.match(), BigDecimal.valueOf(count.atLeast()), Durations.format(count.within()),
                    null, null);
        }
        if (trigger instanceof SumTrigger sum) {
            return leaf("sum", sum.match(), sum.atLeast(), Durations.format(sum.within()), sum.field(), null);
        }
        if (trigger instanceof DaysTrigger days) {
            return leaf("days", days.match(), BigDecimal.valueOf(days.atLeast()), Durations.format(days.within()), null,
                    days.consecutive());
        }
        if (trigger instanceof SequenceTrigger sequence) {
            return new Responses.Trigger("sequence", null, null, null, Durations.format(sequence.within()), null, null,
                    sequence.steps().stream().map(step -> new Responses.Step(step.event(), step.where())).toList(),
                    null);
        }
        if (trigger instanceof AllTrigger all) {
            return new Responses.Trigger("all", null, null, null, null, null, null, null,
                    all.of().stream().map(TriggerMapper::toResponse).toList());
        }
        if (trigger instanceof AnyTrigger any) {
            return new Responses.Trigger("any", null, null, null, null, null, null, null,
                    any.of().stream().map(TriggerMapper::toResponse).toList());
        }
        return new Responses.Trigger("direct", null, null, null, null, null, null, null, null);
    }

    private static Responses.Trigger leaf(String kind, Match match, BigDecimal atLeast, String within, String field,
                                          Boolean consecutive) {
        return new Responses.Trigger(kind, match.event(), match.where(), atLeast, within, field, consecutive, null,
                null);
    }
}
