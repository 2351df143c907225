package dev.moments.adapter.rest.security;

import dev.moments.adapter.rest.AdminToken;
import dev.moments.application.port.in.AuthenticatePartnerUseCase;
import dev.moments.domain.partner.PartnerId;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Turns a bearer credential into an identity: the admin token into the role {@link Roles#ADMIN} (compared in constant
 * time, without the database), any other credential into the role {@link Roles#PARTNER} of the partner owning it as
 * an active API key (one indexed read through {@link AuthenticatePartnerUseCase}, on a worker thread, outside any
 * transaction; a key found active a moment ago is answered from memory, on the event loop). An unknown or revoked key
 * fails the authentication (401); a database that cannot be used fails it with the application's
 * {@code StoreUnavailableException}, which the REST adapter answers 503 with {@code Retry-After}.
 */
@ApplicationScoped
public class BearerIdentityProvider implements IdentityProvider<BearerCredentialRequest> {

    /** The principal's name of the operator. */
    static final String OPERATOR = "operator";

    private final AuthenticatePartnerUseCase partners;
    private final AdminToken adminToken;

    public BearerIdentityProvider(AuthenticatePartnerUseCase partners, AdminToken adminToken) {
        this.partners = partners;
        this.adminToken = adminToken;
    }

    @Override
    public Class<BearerCredentialRequest> getRequestType() {
        return BearerCredentialRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(BearerCredentialRequest request, AuthenticationRequestContext context) {
        String credential = request.credential();
        if (adminToken.matches(credential)) {
            return Uni.createFrom().item(identity(OPERATOR, Roles.ADMIN));
        }
        Optional<PartnerId> known = partners.authenticateFromMemory(credential);
        if (known.isPresent()) {
            return Uni.createFrom().item(identity(known.get().value(), Roles.PARTNER));
        }
        return context.runBlocking(() -> partners.authenticate(credential)
                .map(partner -> identity(partner.value(), Roles.PARTNER))
                .orElseThrow(() -> new AuthenticationFailedException("no active API key matches the credential")));
    }

    private static SecurityIdentity identity(String name, String role) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name)).addRole(role).build();
    }
}
