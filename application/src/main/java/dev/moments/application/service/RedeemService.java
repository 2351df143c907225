package dev.moments.application.service;

import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.RedeemUseCase;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.BackgroundTasks;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.award.Award;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import dev.moments.domain.redemption.RedemptionToken;
import dev.moments.domain.shared.EmailAddress;
import dev.moments.domain.shared.InvalidValueException;

/**
 * The user's side of an award, by its redemption token: the preview ({@link RedemptionViews}) and the claim
 * ({@link Claiming}). Nothing here knows a provider: a delivery the provider accepted as PENDING is submitted after
 * the claim committed, in the background, so the user never waits for a provider.
 */
public final class RedeemService implements RedeemUseCase {


    private final AwardRepository awards;
    private final RedemptionViews views;
    private final Claiming claiming;
    private final DeliverySubmissions submissions;
    private final BackgroundTasks background;
    private final Clock clock;
    private final Transactions transactions;

    public RedeemService(AwardRepository awards, RedemptionViews views, Claiming claiming,
                         DeliverySubmissions submissions, BackgroundTasks background, Clock clock,
                         TransactionRunner transactions) {
        this.awards = awards;
        this.views = views;
        this.claiming = claiming;
        this.submissions = submissions;
        this.background = background;
        this.clock = clock;
        this.transactions = new Transactions(transactions);
    }

    @Override
    public Redemption preview(String token) {
        String digest = digest(token);
        return transactions.run(() -> {
            Award award = awards.findByTokenDigest(digest).orElseThrow(RedeemService::unknown);
            return views.of(award, clock.now());
        });
    }

    @Override
    public Claimed claim(String token, Claim claim) {
        String digest = digest(token);
        if (claim == null || claim.rewardId() == null) {
            throw new InvalidValueException("rewardId", "rewardId is required");
        }
        String email = EmailAddress.optional("email", claim.email());
        Claimed claimed = transactions.run(() -> claiming.claim(digest, claim, email, clock.now()));
        if (claimed.delivery().status() == FulfillmentStatus.PENDING) {
            // committed: the user has their answer, the provider gets the order on another thread
            background.execute("the submission of award " + claimed.awardId(),
                    () -> submissions.submitClaimed(claimed.awardId()));
        }
        return claimed;
    }

    /** The digest a token is stored under; a string that cannot be a token is unknown at once. */
    private static String digest(String token) {
        if (!RedemptionToken.looksLikeOne(token)) {
            throw unknown();
        }
        return new RedemptionToken(token).digest();
    }

    /** Says nothing about the token: it is a secret. */
    static NotFoundException unknown() {
        return new NotFoundException("redemption link", "(this one)");
    }
}
