package dev.moments.application.port.in;

import dev.moments.application.port.AwardFilter;
import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.partner.PartnerId;

/** A partner reads one of its awards. */
public interface GetAwardQuery {

    /** @throws NotFoundException if the partner has no such award */
    AwardView get(PartnerId partnerId, AwardId id);

    /** The partner's awards matching the filter, page by page. */
    Page<AwardView> list(PartnerId partnerId, AwardFilter filter, PageRequest page);
}
