package dev.moments.application.service;

import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.DirectAwardUseCase;
import dev.moments.application.port.in.NotEligibleException;
import dev.moments.application.port.out.Metrics;

/** Direct awards, counted: the awards paid and the refusals met; a preview is not counted. */
public final class MeteredDirectAwards implements DirectAwardUseCase {

    private final DirectAwardUseCase directAwards;
    private final Metrics metrics;

    public MeteredDirectAwards(DirectAwardUseCase directAwards, Metrics metrics) {
        this.directAwards = directAwards;
        this.metrics = metrics;
    }

    @Override
    public AwardView award(DirectAwardCommand command) {
        try {
            AwardView awarded = directAwards.award(command);
            metrics.awarded(awarded.award().momentId());
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
