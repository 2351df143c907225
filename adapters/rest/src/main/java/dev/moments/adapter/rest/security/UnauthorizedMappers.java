package dev.moments.adapter.rest.security;

import dev.moments.adapter.rest.json.Problem;
import dev.moments.adapter.rest.problem.ProblemMappers;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Answers every refusal of Quarkus security with the contract's 401 problem ({@code /problems/unauthorized},
 * {@code WWW-Authenticate: Bearer}): no credential (anonymous), a credential nobody holds, and also a valid credential
 * of the other role (the admin token on a partner operation, an API key on an operator's one), which is as wrong a key
 * for that operation as a made-up one. The service never answers 403 for a role, so a guess learns nothing about
 * which role a credential has (403 is only for a partner's valid key outside its scopes: {@link ScopeCheck}). These
 * mappers outrank Quarkus's own for the same exceptions.
 */
public class UnauthorizedMappers {

    @ServerExceptionMapper
    public Response anonymous(UnauthorizedException e, SimpleResourceInfo operation) {
        return unauthorized(operation);
    }

    @ServerExceptionMapper
    public Response unknownCredential(AuthenticationFailedException e, SimpleResourceInfo operation) {
        return unauthorized(operation);
    }

    @ServerExceptionMapper
    public Response otherRole(ForbiddenException e, SimpleResourceInfo operation) {
        return unauthorized(operation);
    }

    /** The 401 problem for an operation, naming the credential it takes. */
    static Response unauthorized(SimpleResourceInfo operation) {
        return Response.fromResponse(ProblemMappers.toResponse(
                        Problem.of(401, "unauthorized", detail(operation))))
                .header(HttpHeaders.WWW_AUTHENTICATE, BearerAuthenticationMechanism.SCHEME)
                .build();
    }

    private static String detail(SimpleResourceInfo operation) {
        List<String> roles = rolesAllowed(operation);
        if (roles.equals(List.of(Roles.PARTNER))) {
            return "a valid partner API key is required";
        }
        if (roles.equals(List.of(Roles.ADMIN))) {
            return "the admin token is required";
        }
        return "this operation is not open to these credentials";
    }

    /** The roles of the operation's {@code @RolesAllowed}, on its method or else its class; empty if none. */
    private static List<String> rolesAllowed(SimpleResourceInfo operation) {
        return ServedOperation.annotation(operation, RolesAllowed.class).map(allowed -> List.of(allowed.value()))
                .orElse(List.of());
    }
}
