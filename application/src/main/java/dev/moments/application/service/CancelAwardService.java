package dev.moments.application.service;

import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.CancelAwardUseCase;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.partner.PartnerId;
import java.util.Optional;

/** A partner takes back an award its user has not claimed: the reservation returns to the budget. */
public final class CancelAwardService implements CancelAwardUseCase {

    private final AwardRepository awards;
    private final AwardEndings endings;
    private final Clock clock;
    private final Transactions transactions;

    public CancelAwardService(AwardRepository awards, AwardEndings endings, Clock clock,
                              TransactionRunner transactions) {
        this.awards = awards;
        this.endings = endings;
        this.clock = clock;
        this.transactions = new Transactions(transactions);
    }

    @Override
    public AwardView cancel(PartnerId partnerId, AwardId awardId) {
        return transactions.run(() -> {
            Award award = awards.find(partnerId, awardId).orElseThrow(() -> new NotFoundException("award", awardId));
            Award cancelled = endings.end(award, AwardStatus.CANCELLED, clock.now());
            return new AwardView(cancelled, Optional.empty(), null);
        });
    }
}
