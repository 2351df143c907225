package dev.moments.application.port.in;

import dev.moments.domain.award.AwardId;
import dev.moments.domain.partner.PartnerId;

/** A partner reads one of its awards. */
public interface GetAwardQuery {

    /** @throws NotFoundException if the partner has no such award */
    AwardView get(PartnerId partnerId, AwardId id);
}
