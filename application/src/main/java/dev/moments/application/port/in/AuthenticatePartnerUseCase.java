package dev.moments.application.port.in;

import dev.moments.domain.partner.ApiKeyId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.partner.Scope;
import java.util.Optional;
import java.util.Set;

/** Tells which partner presents an API key, with which key, allowed to do what. */
public interface AuthenticatePartnerUseCase {

    /** Who presents an active key: its partner, the key, and its scopes. */
    record Caller(PartnerId partnerId, ApiKeyId keyId, Set<Scope> scopes) {

        public Caller {
            scopes = Set.copyOf(scopes);
        }
    }

    /** The caller presenting this active key, or empty for a wrong, unknown or revoked key. */
    Optional<Caller> caller(String presentedKey);

    /**
     * The caller presenting this key when this instance found it active a moment ago, without asking the store (so it
     * never blocks); empty when it cannot tell — then {@link #caller} can.
     */
    default Optional<Caller> callerFromMemory(String presentedKey) {
        return Optional.empty();
    }

    /** The partner owning this active key, or empty for a wrong, unknown or revoked key. */
    default Optional<PartnerId> authenticate(String presentedKey) {
        return caller(presentedKey).map(Caller::partnerId);
    }
}
