package dev.moments.application.port.in;

import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;

/** A partner edits the definition of a DRAFT or PAUSED moment. */
public interface EditMomentUseCase {

    /**
     * Replaces the moment's definition with the one {@code edit} makes of the moment as it stands, read under the
     * moment's budget lock so that no launch, resume or payment interleaves. The new definition passes every check a
     * new moment passes (its trigger and audience conditions compile, its schedule and limits hold, its rewards are
     * the partner's and cost at most the price per action, in the budget's currency). Of the budget only the price
     * per action and the daily cap change: its currency never does, its total only through a top-up, and what earlier
     * awards reserved stays reserved. A new trigger starts every user's progress on the moment again.
     *
     * @throws NotFoundException if the partner has no such moment
     * @throws dev.moments.domain.moment.MomentNotEditableException if the moment is neither DRAFT nor PAUSED
     * @throws dev.moments.domain.shared.InvalidValueException naming the field, if the new definition is refused
     */
    MomentView edit(PartnerId partnerId, MomentId momentId, Edit edit);

    /**
     * Makes the moment's whole new definition, in the terms of a creation, out of the moment as it stands. It runs
     * inside the edit's transaction, and again when a lost race runs the edit again: it must only compute.
     */
    @FunctionalInterface
    interface Edit {

        CreateMomentCommand definition(MomentView current);
    }
}
