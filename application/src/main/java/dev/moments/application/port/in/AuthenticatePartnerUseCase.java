package dev.moments.application.port.in;

import dev.moments.domain.partner.PartnerId;
import java.util.Optional;

/** Tells which partner presents an API key. */
public interface AuthenticatePartnerUseCase {

    /** The partner owning this active key, or empty for a wrong, unknown or revoked key. */
    Optional<PartnerId> authenticate(String presentedKey);
}
