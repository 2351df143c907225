package dev.moments.application.port.in;

import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;

/** A partner reads its moments with their budgets. */
public interface GetMomentQuery {

    /** @throws NotFoundException if the partner has no such moment */
    MomentView get(PartnerId partnerId, MomentId id);

    Page<MomentView> list(PartnerId partnerId, PageRequest page);
}
