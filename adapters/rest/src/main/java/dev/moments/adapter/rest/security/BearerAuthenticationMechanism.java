package dev.moments.adapter.rest.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Set;

/**
 * Reads {@code Authorization: Bearer <credential>} and hands the credential to {@link BearerIdentityProvider}. A
 * request without such a header is anonymous: a {@code @PermitAll} operation serves it, any other answers 401. The
 * mechanism never looks at the path; which role an operation needs is said by its annotations alone.
 *
 * <p>Authentication is lazy ({@code quarkus.http.auth.proactive=false}): the credential is checked only when an
 * operation needs an identity, once per request, so a public operation never reads the database for a stray header.
 */
@ApplicationScoped
public class BearerAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** The authentication scheme of the header and of the {@code WWW-Authenticate} challenge. */
    public static final String SCHEME = "Bearer";

    private static final String PREFIX = SCHEME + " ";
    private static final ChallengeData CHALLENGE = new ChallengeData(401, HttpHeaders.WWW_AUTHENTICATE, SCHEME);
    private static final HttpCredentialTransport TRANSPORT =
            new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, SCHEME.toLowerCase());

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String credential = credential(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (credential == null) {
            return Uni.createFrom().nullItem();
        }
        return identities.authenticate(new BearerCredentialRequest(credential));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(CHALLENGE);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(BearerCredentialRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(TRANSPORT);
    }

    /** The credential of a {@code Bearer} header (scheme in any case, spaces around it ignored), or {@code null}. */
    static String credential(String header) {
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        String credential = header.substring(PREFIX.length()).strip();
        return credential.isEmpty() ? null : credential;
    }
}
