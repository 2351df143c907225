package dev.moments.domain.moment;

import java.util.EnumSet;
import java.util.Set;

/** Where a moment is in its life; only the transitions listed here exist. */
public enum MomentStatus {
    /** Being defined; evaluates nothing. */
    DRAFT,
    /** Evaluates only test users' events, awards them as tests and charges nothing. */
    TEST,
    /** Evaluates everyone in its audience and pays for completions. */
    LIVE,
    /** Stopped by the partner for a while; evaluates nothing. */
    PAUSED,
    /** The budget cannot pay one more action; back to LIVE on top-up. */
    EXHAUSTED,
    /** Over for good. */
    FINISHED;

    /** The statuses this one may move to. */
    public Set<MomentStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(TEST, LIVE, EXHAUSTED, FINISHED);
            case TEST -> EnumSet.of(DRAFT, LIVE, EXHAUSTED, FINISHED);
            case LIVE -> EnumSet.of(PAUSED, EXHAUSTED, FINISHED);
            case PAUSED -> EnumSet.of(LIVE, EXHAUSTED, FINISHED);
            case EXHAUSTED -> EnumSet.of(LIVE, PAUSED, FINISHED);
            case FINISHED -> EnumSet.noneOf(MomentStatus.class);
        };
    }

    public boolean canMoveTo(MomentStatus target) {
        return next().contains(target);
    }

    /**
     * Whether the definition may be edited in this status: before the moment ever runs, or while it is paused, when
     * nothing evaluates its events. A live or exhausted moment must be paused first; a moment in test can only be
     * launched or finished, and a finished one stays as it ended.
     */
    public boolean isEditable() {
        return this == DRAFT || this == PAUSED;
    }

    /** Whether events are evaluated for real users in this status. */
    public boolean paysForCompletions() {
        return this == LIVE;
    }
}
