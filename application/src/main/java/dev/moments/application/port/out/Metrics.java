package dev.moments.application.port.out;

import dev.moments.domain.award.Refusal;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.shared.Money;
import java.time.Duration;

/**
 * What operators count (Prometheus, {@code /q/metrics}): events by how they ended, awards, refusals and money
 * settled. Everything counted has committed. Labels stay few: an outcome, a reason, a moment, a currency.
 */
public interface Metrics {

    /** Counts nothing: for tests and for a core run without an operator. */
    Metrics NONE = new Metrics() {
        @Override
        public void event(EventOutcome outcome, Duration took) {
        }

        @Override
        public void awarded(MomentId moment) {
        }

        @Override
        public void refused(Refusal reason) {
        }

        @Override
        public void spent(Money amount) {
        }

        @Override
        public void webhookAttempt(boolean delivered) {
        }

        @Override
        public void decidedAgainUnderLocks() {
        }
    };

    /** How an event reported by a partner or an internal system ended. */
    enum EventOutcome {
        /** Recorded for the first time. */
        RECORDED,
        /** The same id and body again: nothing happened twice. */
        DUPLICATE,
        /** Refused as malformed or over its limits (a 4xx). */
        INVALID,
        /** Its id was used before with another body (409). */
        CONFLICT,
        /** The database was unavailable or contended (503); the sender tries again. */
        UNAVAILABLE,
        /** Anything else: a defect. */
        FAILED
    }

    /** One event ended so, after {@code took} (a batch's events each count their share of its time). */
    void event(EventOutcome outcome, Duration took);

    /** An award was paid for on this moment. */
    void awarded(MomentId moment);

    /** A completion was not paid, for this reason. */
    void refused(Refusal reason);

    /** Money was settled by a claim (what a partner is charged). */
    void spent(Money amount);

    /** A webhook delivery was attempted: the receiver took it (a 2xx in time), or not. */
    void webhookAttempt(boolean delivered);

    /**
     * A unit of events found that the money it decided on had moved since it read it (a pause or an edit meanwhile,
     * the budget or a capped month used up), was rolled back, and has now committed decided again with the locks
     * taken first.
     */
    void decidedAgainUnderLocks();
}
