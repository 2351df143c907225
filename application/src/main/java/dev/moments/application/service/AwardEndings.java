package dev.moments.application.service;

import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.events.AwardCancelled;
import dev.moments.domain.events.AwardExpired;
import dev.moments.domain.moment.Moment;
import java.time.Instant;

/**
 * Ends an unclaimed award — CANCELLED by its partner or EXPIRED unclaimed — and gives its reservation back to the
 * budget and its charge back to the partner's month, in the caller's transaction. The status moves by
 * compare-and-set, so an award that changed meanwhile (claimed, or ended by another instance) is not ended twice.
 */
public final class AwardEndings {

    private final AwardRepository awards;
    private final MomentRepository moments;
    private final AwardMoney money;
    private final DomainEventOutbox outbox;
    private final IdGenerator ids;

    public AwardEndings(AwardRepository awards, MomentRepository moments, AwardMoney money, DomainEventOutbox outbox,
                        IdGenerator ids) {
        this.awards = awards;
        this.moments = moments;
        this.money = money;
        this.outbox = outbox;
        this.ids = ids;
    }

    /** Moves {@code award} to {@code status} (CANCELLED or EXPIRED), gives its money back and raises the event. */
    Award end(Award award, AwardStatus status, Instant now) {
        return end(award, status, now,
                status == AwardStatus.CANCELLED ? "cancelled by the partner" : "not claimed in time");
    }

    /** As {@link #end(Award, AwardStatus, Instant)}, with the reason its history keeps. */
    Award end(Award award, AwardStatus status, Instant now, String reason) {
        Award ended = award.moveTo(status, now);
        if (!awards.updateStatus(ended, award.status(), reason)) {
            throw new ConcurrentWriteException("award " + award.id() + " changed meanwhile", null);
        }
        Moment moment = moments.find(award.partnerId(), award.momentId()).orElseThrow();
        money.release(award, moment, now);
        outbox.raise(status == AwardStatus.CANCELLED ? new AwardCancelled(ended, now) : new AwardExpired(ended, now),
                ids);
        return ended;
    }
}
