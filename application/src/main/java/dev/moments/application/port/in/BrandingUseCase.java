package dev.moments.application.port.in;

import dev.moments.domain.partner.Branding;
import dev.moments.domain.partner.PartnerId;

/** A partner's branding of its redemption pages: its name, logo, colour and support address. */
public interface BrandingUseCase {

    /**
     * Sets the partner's branding, replacing the one before.
     *
     * @throws dev.moments.domain.shared.InvalidValueException when a value is malformed or the colour too light
     */
    Branding set(PartnerId partnerId, Input input);

    /**
     * The partner's branding.
     *
     * @throws NotFoundException when it has none
     */
    Branding get(PartnerId partnerId);

    /** The branding as given; every field but {@code displayName} may be {@code null}. */
    record Input(String displayName, String logoUrl, String primaryColor, String supportEmail) {
    }
}
