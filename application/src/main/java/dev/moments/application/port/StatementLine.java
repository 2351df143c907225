package dev.moments.application.port;

import dev.moments.domain.moment.MomentId;
import dev.moments.domain.shared.Money;

/**
 * What one moment cost in a month.
 *
 * @param actionsPaid completed actions paid for (reservations made)
 * @param reserved the sum of reservations made
 * @param released the sum of reservations given back
 * @param settled the sum charged by claims
 * @param charged reserved less released: what the month's actions cost at most
 */
public record StatementLine(MomentId momentId, String momentName, long actionsPaid, Money reserved, Money released,
                            Money settled, Money charged) {
}
