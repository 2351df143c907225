package dev.moments.application.service;

import dev.moments.application.port.out.FulfillmentGateway;
import dev.moments.domain.reward.FulfillmentProvider;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The gateway of each fulfillment provider this build can deliver with. */
public final class FulfillmentGateways {

    private final Map<FulfillmentProvider, FulfillmentGateway> byProvider;

    public FulfillmentGateways(Collection<FulfillmentGateway> gateways) {
        Map<FulfillmentProvider, FulfillmentGateway> byProvider = new EnumMap<>(FulfillmentProvider.class);
        for (FulfillmentGateway gateway : gateways) {
            byProvider.put(gateway.provider(), gateway);
        }
        this.byProvider = Map.copyOf(byProvider);
    }

    /** The providers a reward may name: those with a gateway. */
    public Set<FulfillmentProvider> supportedProviders() {
        return byProvider.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(byProvider.keySet()));
    }

    /**
     * The gateway of {@code provider}. A provider without one (a reward created by a build that had it) accepts every
     * claim as PENDING and fails its submission for good, so such an award ends FAILED and refunded rather than
     * waiting forever.
     */
    FulfillmentGateway of(FulfillmentProvider provider) {
        FulfillmentGateway gateway = byProvider.get(provider);
        return gateway != null ? gateway : new MissingGateway(provider);
    }
}
