package dev.moments.application.port.in;

import dev.moments.domain.partner.PartnerId;
import java.util.Optional;

/** Tells which partner presents an API key. */
public interface AuthenticatePartnerUseCase {

    /** The partner owning this active key, or empty for a wrong, unknown or revoked key. */
    Optional<PartnerId> authenticate(String presentedKey);

    /**
     * The partner owning this key when this instance found it active a moment ago, without asking the store (so it
     * never blocks); empty when it cannot tell — then {@link #authenticate} can.
     */
    default Optional<PartnerId> authenticateFromMemory(String presentedKey) {
        return Optional.empty();
    }
}
