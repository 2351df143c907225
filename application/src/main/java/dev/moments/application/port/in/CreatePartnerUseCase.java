package dev.moments.application.port.in;

import dev.moments.domain.partner.ApiKeyId;
import dev.moments.domain.partner.Partner;
import dev.moments.domain.shared.Money;

/** An operator registers a new partner, who gets a first API key. */
public interface CreatePartnerUseCase {

    PartnerCreated create(CreatePartnerCommand command);

    /**
     * The partner and its first key, shown this once and never again.
     *
     * @param monthlyCap the partner's monthly spending cap, {@code null} for none
     */
    record PartnerCreated(Partner partner, ApiKeyId keyId, String apiKey, Money monthlyCap) {
    }
}
