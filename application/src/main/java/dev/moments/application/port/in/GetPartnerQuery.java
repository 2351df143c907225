package dev.moments.application.port.in;

import dev.moments.domain.partner.PartnerId;

/** An operator reads a partner with its monthly cap and this month's charges. */
public interface GetPartnerQuery {

    /** @throws NotFoundException if there is no such partner */
    PartnerView get(PartnerId partnerId);
}
