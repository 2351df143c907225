package dev.moments.application.port.in;

import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;

/** A partner moves a moment through its lifecycle: test, launch, pause, resume, finish. */
public interface ChangeMomentStatusUseCase {

    /**
     * @throws NotFoundException if the partner has no such moment
     * @throws dev.moments.domain.moment.InvalidTransitionException if the moment's status does not allow it
     */
    MomentView change(PartnerId partnerId, MomentId momentId, LifecycleAction action);

    /** The steps a partner can ask for. */
    enum LifecycleAction {
        TEST, LAUNCH, PAUSE, RESUME, FINISH
    }
}
