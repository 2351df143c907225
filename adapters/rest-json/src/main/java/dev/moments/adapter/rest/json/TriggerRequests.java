package dev.moments.adapter.rest.json;

import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.trigger.AllTrigger;
import dev.moments.domain.trigger.AnyTrigger;
import dev.moments.domain.trigger.CountTrigger;
import dev.moments.domain.trigger.DaysTrigger;
import dev.moments.domain.trigger.DirectTrigger;
import dev.moments.domain.trigger.EventTrigger;
import dev.moments.domain.trigger.Match;
import dev.moments.domain.trigger.ReferralTrigger;
import dev.moments.domain.trigger.SequenceTrigger;
import dev.moments.domain.trigger.SumTrigger;
import dev.moments.domain.trigger.Trigger;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Reads a trigger of a moment's JSON into the domain, naming every refused field by its full path. */
public final class TriggerRequests {

    /** Every kind docs/api.md defines. */
    public static final List<String> KINDS =
            List.of("event", "count", "sum", "days", "sequence", "all", "any", "direct", "referral");

    private TriggerRequests() {
    }

    /** The trigger {@code trigger} of a request; refused fields are named under {@code trigger}. */
    public static Trigger toDomain(Requests.Trigger trigger) {
        return toDomain(trigger, "trigger", false);
    }

    /**
     * The trigger of a moment, whose {@code rewardReferee} (the moment's own field) a referral takes: {@code true} is
     * refused for any other kind.
     */
    public static Trigger toDomain(Requests.Trigger trigger, Boolean rewardReferee) {
        Trigger read = toDomain(trigger, "trigger", Boolean.TRUE.equals(rewardReferee));
        if (Boolean.TRUE.equals(rewardReferee) && !(read instanceof ReferralTrigger)) {
            throw new InvalidValueException("rewardReferee", "rewardReferee applies to a referral moment (trigger"
                    + " kind referral), not to " + read.kind());
        }
        return read;
    }

    private static Trigger toDomain(Requests.Trigger trigger, String path, boolean rewardReferee) {
        if (trigger == null) {
            throw new InvalidValueException(path, "a trigger is required");
        }
        String kind = trigger.kind();
        if (kind == null) {
            throw new InvalidValueException(path + ".kind", "kind is required; one of " + KINDS);
        }
        return switch (kind) {
            case "event" -> at(path, () -> new EventTrigger(match(trigger)));
            case "count" -> at(path, () -> new CountTrigger(match(trigger), whole(trigger.atLeast()),
                    trigger.within()));
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
            case "referral" -> {
                Requests.Parts of = trigger.of();
                if (of != null && !of.single()) {
                    throw new InvalidValueException(path + ".of", "a referral takes one trigger object, the one the"
                            + " referred user completes, not a list");
                }
                Trigger referred = of == null ? null : toDomain(of.triggers().get(0), path + ".of", false);
                yield at(path, () -> new ReferralTrigger(referred, trigger.within(), rewardReferee));
            }
            default -> throw new InvalidValueException(path + ".kind", "unknown kind " + kind + "; one of " + KINDS);
        };
    }

    private static List<Trigger> children(Requests.Trigger trigger, String path) {
        if (trigger.of() == null) {
            return List.of();
        }
        if (trigger.of().single()) {
            throw new InvalidValueException(path + ".of", trigger.kind() + " takes a list of sub-triggers");
        }
        List<Trigger> of = new ArrayList<>();
        for (int i = 0; i < trigger.of().triggers().size(); i++) {
            of.add(toDomain(trigger.of().triggers().get(i), path + ".of[" + i + "]", false));
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
}
