package dev.moments.application.port.in;

import dev.moments.domain.partner.PartnerId;

/**
 * An operator sets or removes a partner's monthly spending cap: what all its moments together may charge in one UTC
 * calendar month. A cap below what is already charged this month is allowed: no more awards until the next month.
 */
public interface SetMonthlyCapUseCase {

    /**
     * @param monthlyCap a positive decimal string in the partner's currency, or {@code null} to remove the cap
     * @throws NotFoundException if there is no such partner
     * @throws dev.moments.domain.shared.InvalidValueException naming {@code monthlyCap} if it is not a positive amount
     */
    PartnerView setMonthlyCap(PartnerId partnerId, String monthlyCap);
}
