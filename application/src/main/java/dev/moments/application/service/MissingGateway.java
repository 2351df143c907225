package dev.moments.application.service;

import dev.moments.application.port.out.FulfillmentGateway;
import dev.moments.domain.reward.FulfillmentProvider;
import java.time.Instant;

/**
 * Stands in for a provider this build has no gateway for (a reward created by a build that had one): the claim goes
 * through as PENDING and its submission fails for good, so the award ends FAILED with its cost refunded instead of
 * waiting forever — what the {@code http} provider does when no provider is configured.
 */
record MissingGateway(FulfillmentProvider provider) implements FulfillmentGateway {

    @Override
    public Acceptance accept(Order order, Instant at) {
        return Acceptance.pending();
    }

    @Override
    public Submission submit(Order order) {
        return Submission.permanent("no " + provider.apiName() + " provider configured");
    }
}
