package dev.moments.adapter.rest.security;

import dev.moments.adapter.rest.AdminToken;
import dev.moments.application.port.in.AuthenticatePartnerUseCase;
import dev.moments.application.port.in.AuthenticatePartnerUseCase.Caller;
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
        Optional<Caller> known = partners.callerFromMemory(credential);
        if (known.isPresent()) {
            return Uni.createFrom().item(identity(known.get()));
        }
        return context.runBlocking(() -> partners.caller(credential)
                .map(BearerIdentityProvider::identity)
                .orElseThrow(() -> new AuthenticationFailedException("no active API key matches the credential")));
    }

    private static SecurityIdentity identity(String name, String role) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(name)).addRole(role).build();
    }

    /** A partner's identity: its key's id and scopes as attributes ({@link #KEY_ID}, {@link #SCOPES}). */
    private static SecurityIdentity identity(Caller caller) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(caller.partnerId().value()))
                .addRole(Roles.PARTNER).addAttribute(KEY_ID, caller.keyId().value())
                .addAttribute(SCOPES, caller.scopes()).build();
    }

    /** The identity's attribute holding the id of the API key a partner's request was authenticated with. */
    public static final String KEY_ID = "moments.keyId";

    /** The identity's attribute holding the key's scopes, a {@code Set<Scope>}. */
    public static final String SCOPES = "moments.scopes";
}
