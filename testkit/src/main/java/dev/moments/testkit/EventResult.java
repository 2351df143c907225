package dev.moments.testkit;

import dev.moments.application.port.in.RecordEventUseCase;
import dev.moments.domain.moment.MomentId;
import java.math.BigDecimal;
import java.util.List;

/**
 * What an event did, as {@code POST /v1/events} answers.
 *
 * @param eventId the event's id (the one sent, or the one the engine gave it)
 * @param duplicate whether the event was seen before: then everything else is the first result again
 * @param awards the awards the event earned, each with its redemption token
 * @param progress where the user stands on each moment the event counted for
 * @param holdout the moments whose completion the user reached in the holdout group: recorded, not rewarded
 */
public record EventResult(String eventId, boolean duplicate, List<TestAward> awards, List<Progress> progress,
                          List<String> holdout) {

    /** How far the user got on one moment, in the trigger's unit (events, days, amount, steps, parts). */
    public record Progress(String momentId, boolean complete, BigDecimal current, BigDecimal target) {
    }

    static EventResult of(RecordEventUseCase.EventResult result) {
        return new EventResult(result.eventId(), result.duplicate(),
                result.awards().stream().map(TestAward::of).toList(),
                result.progress().stream().map(p -> new Progress(p.momentId().value(), p.complete(), p.current(),
                        p.target())).toList(),
                result.holdout().stream().map(MomentId::value).toList());
    }
}
