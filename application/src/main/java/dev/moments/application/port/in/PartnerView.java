package dev.moments.application.port.in;

import dev.moments.domain.partner.Partner;
import dev.moments.domain.shared.Money;
import java.time.YearMonth;
import java.util.Objects;

/**
 * A partner as an operator sees it, with its monthly spending cap.
 *
 * @param monthlyCap the cap across all its moments per UTC calendar month, {@code null} for none
 * @param month the current UTC calendar month
 * @param chargedThisMonth what counts against a cap in {@code month}: the reservations of its awards made this month,
 *                         less those of them given back this month
 */
public record PartnerView(Partner partner, Money monthlyCap, YearMonth month, Money chargedThisMonth) {

    public PartnerView {
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(chargedThisMonth, "chargedThisMonth");
    }
}
