package dev.moments.application.port.in;

import dev.moments.domain.moment.Audience;
import dev.moments.domain.moment.Limits;
import dev.moments.domain.moment.Messages;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.trigger.Trigger;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What a partner says to define a moment. Optional parts are {@code null}: no audience filter, starts now, no
 * end, UTC, no daily cap, one award per user, no holdout.
 */
public record CreateMomentCommand(
        PartnerId partnerId,
        String name,
        Trigger trigger,
        Audience audience,
        Instant startsAt,
        Instant endsAt,
        ZoneId timezone,
        BudgetSpec budget,
        List<String> rewards,
        Limits limits,
        Integer holdoutPercent,
        Messages messages) {

    public CreateMomentCommand {
        Objects.requireNonNull(partnerId, "partnerId");
    }

    /** The budget as given: amounts as decimal strings, parsed against {@code currency}. */
    public record BudgetSpec(String currency, String total, String dailyCap, String costPerAction) {
    }
}
