package dev.moments.adapter.rest;

import dev.moments.adapter.rest.dto.Responses;
import dev.moments.adapter.rest.json.TriggerRequests;
import dev.moments.domain.trigger.AllTrigger;
import dev.moments.domain.trigger.AnyTrigger;
import dev.moments.domain.trigger.CountTrigger;
import dev.moments.domain.trigger.DaysTrigger;
import dev.moments.domain.trigger.EventTrigger;
import dev.moments.domain.trigger.Match;
import dev.moments.domain.trigger.ReferralTrigger;
import dev.moments.domain.trigger.SequenceTrigger;
import dev.moments.domain.trigger.SumTrigger;
import dev.moments.domain.trigger.Trigger;
import java.math.BigDecimal;

/** Writes a trigger as the JSON of a moment (read by {@link dev.moments.adapter.rest.json.TriggerRequests}). */
final class TriggerMapper {

    private TriggerMapper() {
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
        if (trigger instanceof ReferralTrigger referral) {
            return new Responses.Trigger("referral", null, null, null, Durations.format(referral.within()), null, null,
                    null, toResponse(referral.of()));
        }
        return new Responses.Trigger("direct", null, null, null, null, null, null, null, null);
    }

    private static Responses.Trigger leaf(String kind, Match match, BigDecimal atLeast, String within, String field,
                                          Boolean consecutive) {
        return new Responses.Trigger(kind, match.event(), match.where(), atLeast, within, field, consecutive, null,
                null);
    }
}
