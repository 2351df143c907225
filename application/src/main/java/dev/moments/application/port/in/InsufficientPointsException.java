package dev.moments.application.port.in;

import dev.moments.domain.shared.DomainException;

/** A spend of more points than the user's balance holds: nothing was spent. */
public final class InsufficientPointsException extends DomainException {

    private final long balance;

    public InsufficientPointsException(long amount, long balance) {
        super("the balance holds " + balance + " points; " + amount + " cannot be spent");
        this.balance = balance;
    }

    /** The balance when the spend was refused. */
    public long balance() {
        return balance;
    }

    @Override
    public String code() {
        return "insufficient-points";
    }
}
