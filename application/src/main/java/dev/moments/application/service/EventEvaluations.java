package dev.moments.application.service;

import dev.moments.application.port.out.EventLog;
import dev.moments.application.port.out.ProgressRepository;
import dev.moments.application.port.out.UserProfileRepository;
import java.time.Duration;
import java.time.Instant;

/**
 * What an evaluation of events works with, wired once at start: it starts every {@link EventEvaluation}.
 *
 * @param lateness how much older than the newest event of a (moment, user) an event may be and still count
 * @param points the partners' point rules
 * @param badges the partners' badges
 */
public record EventEvaluations(EventLog events, ProgressRepository progress, UserProfileRepository profiles,
                               ListeningMoments listening, CompiledExpressions expressions, Awarding awarding,
                               Eligibility eligibility, Duration lateness, PointRules points, Badges badges) {

    /** Evaluations that earn no points and no badges. */
    public EventEvaluations(EventLog events, ProgressRepository progress, UserProfileRepository profiles,
                            ListeningMoments listening, CompiledExpressions expressions, Awarding awarding,
                            Eligibility eligibility, Duration lateness) {
        this(events, progress, profiles, listening, expressions, awarding, eligibility, lateness, PointRules.NONE,
                Badges.NONE);
    }

    /**
     * A new evaluation of events taking place at {@code now}, paying with the money locked as {@code locking} says;
     * a dry run writes nothing.
     */
    EventEvaluation start(Instant now, boolean dryRun, Awarding.Locking locking) {
        return new EventEvaluation(this, now, dryRun, locking);
    }
}
