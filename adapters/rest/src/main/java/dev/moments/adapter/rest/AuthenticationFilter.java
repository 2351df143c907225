package dev.moments.adapter.rest;

import dev.moments.adapter.rest.problem.Problem;
import dev.moments.application.port.in.AuthenticatePartnerUseCase;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every partner request ({@code /v1/*}) by its API key and every operator request
 * ({@code /admin/*}) by the admin token; anything else answers 401 before a resource runs.
 */
public class AuthenticationFilter {

    private static final String BEARER = "Bearer ";

    @Inject
    AuthenticatePartnerUseCase authenticator;

    @Inject
    CurrentPartner currentPartner;

    @Inject
    AdminToken adminToken;

    @ServerRequestFilter
    public Optional<Response> authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/v1/")) {
            return bearer(request)
                    .flatMap(authenticator::authenticate)
                    .map(partner -> {
                        currentPartner.set(partner);
                        return Optional.<Response>empty();
                    })
                    .orElseGet(() -> Optional.of(unauthorized("a valid partner API key is required")));
        }
        if (path.startsWith("/admin/")) {
            return bearer(request).filter(adminToken::matches).isPresent()
                    ? Optional.empty()
                    : Optional.of(unauthorized("the admin token is required"));
        }
        return Optional.empty();
    }

    private static Optional<String> bearer(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = header.substring(BEARER.length()).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, "unauthorized", detail).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }
}
