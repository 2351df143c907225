package dev.moments.application.service;

import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.DirectAwardUseCase;
import dev.moments.application.port.in.NotEligibleException;
import dev.moments.application.port.out.Metrics;
import dev.moments.application.port.out.TransactionRunner;

/** Direct awards, counted: the awards paid and the refusals met; a preview is not counted. */
public final class MeteredDirectAwards implements DirectAwardUseCase {

    private final DirectAwardUseCase directAwards;
    private final Metrics metrics;
    private final TransactionRunner transactions;

    /**
     * @param transactions an award is counted once the outermost transaction commits (a creation under an
     *     Idempotency-Key runs inside the key's, which may be tried again)
     */
    public MeteredDirectAwards(DirectAwardUseCase directAwards, Metrics metrics, TransactionRunner transactions) {
        this.directAwards = directAwards;
        this.metrics = metrics;
        this.transactions = transactions;
    }

    @Override
    public AwardView award(DirectAwardCommand command) {
        try {
            AwardView awarded = directAwards.award(command);
            transactions.afterCommit(() -> metrics.awarded(awarded.award().momentId()));
            return awarded;
        } catch (NotEligibleException refused) {
            metrics.refused(refused.refusal());
            throw refused;
        }
    }

    @Override
    public Preview preview(DirectAwardCommand command) {
        return directAwards.preview(command);
    }
}
