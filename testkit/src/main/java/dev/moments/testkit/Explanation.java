package dev.moments.testkit;

import dev.moments.application.port.in.ExplainProgressQuery;
import java.math.BigDecimal;
import java.util.List;

/**
 * Why a user is or is not rewarded on a moment, as {@code GET /v1/users/{userId}/moments/{momentId}} says.
 *
 * @param momentStatus the moment's status now
 * @param current how far the user got since the last completion, in the trigger's unit
 * @param completions how many times the user completed the moment
 * @param awards how many awards the user earned on it
 * @param holdout whether the user is in the moment's holdout group
 * @param reasons the refusal codes and notes of docs/api.md that stand in the way (e.g. {@code LIMIT_PER_USER},
 *     {@code BUDGET_EXHAUSTED}, {@code NOT_COMPLETED}); empty when nothing does
 * @param lastRefusal the refusal that stopped the user's last completion, or {@code null}
 */
public record Explanation(String momentStatus, boolean complete, BigDecimal current, BigDecimal target,
                          int completions, int awards, boolean holdout, List<String> reasons, String lastRefusal) {

    static Explanation of(ExplainProgressQuery.Explanation e) {
        return new Explanation(e.momentStatus().name(), e.complete(), e.current(), e.target(), e.completions(),
                e.awards(), e.holdout(), e.reasons(), e.lastRefusal());
    }
}
