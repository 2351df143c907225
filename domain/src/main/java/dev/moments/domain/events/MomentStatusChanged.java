package dev.moments.domain.events;

import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * A moment moved in its lifecycle: by the partner (test, launch, pause, resume, finish) or by its budget (EXHAUSTED,
 * and back to LIVE on a top-up).
 *
 * @param moment the moment in its new status
 */
public record MomentStatusChanged(Moment moment, MomentStatus from, Instant at) implements MomentEvent {

    public MomentStatusChanged {
        Objects.requireNonNull(moment, "moment");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(at, "at");
    }

    @Override
    public String type() {
        return "moment.status_changed";
    }
}
