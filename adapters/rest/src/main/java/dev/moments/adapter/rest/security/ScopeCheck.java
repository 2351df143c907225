package dev.moments.adapter.rest.security;

import dev.moments.adapter.rest.json.Problem;
import dev.moments.adapter.rest.problem.ProblemMappers;
import dev.moments.domain.partner.Scope;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Holds each partner request to the scopes of the key it was authenticated with: a request outside them is answered
 * 403 ({@code /problems/forbidden}) before any work. Every partner operation needs exactly one scope, told by its HTTP
 * method and the path template of the operation it was matched to (never the request's own path, which a trailing
 * slash or an encoded {@code /} in an id would make look like another one): reading anything needs
 * {@code reports:read}; sending events and spending points {@code events:write}; deciding on awards (direct awards and
 * their previews, cancellations, reviews, fulfilment reports, a blocked one's awards) {@code awards:write}; every
 * other change, of the configuration, {@code moments:write}. A partner's identity without scopes is refused.
 */
public class ScopeCheck {

    private static final Pattern EVENTS = Pattern.compile("/v1/events(/.*)?|/v1/users/\\{[^}]+}/points/spend");
    private static final Pattern AWARDS = Pattern.compile(
            "/v1/awards/.*|/v1/moments/\\{[^}]+}/awards(/preview)?|/v1/blocklist/\\{[^}]+}/cancel-awards");
    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Inject
    CurrentIdentityAssociation identities;

    /**
     * Asks the request's identity without blocking (authentication is not proactive); a request without a partner's
     * identity, or whose credential fails, passes on to the operation's own check, which answers 401.
     */
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Uni<Response> check(ContainerRequestContext request, SimpleResourceInfo operation) {
        String template = ServedOperation.template(operation).orElse(null);
        if (template == null || !template.startsWith("/v1/")) {
            return Uni.createFrom().nullItem();
        }
        String method = request.getMethod();
        return identities.getDeferredIdentity()
                .map(identity -> refusal(identity, method, template))
                .onFailure().recoverWithNull();
    }

    private static Response refusal(SecurityIdentity identity, String method, String template) {
        if (identity.isAnonymous() || !identity.hasRole(Roles.PARTNER)) {
            return null;
        }
        Scope needed = required(method, template);
        Object scopes = identity.getAttribute(BearerIdentityProvider.SCOPES);
        if (scopes instanceof Set<?> granted && granted.contains(needed)) {
            return null;
        }
        return ProblemMappers.toResponse(Problem.of(403, "forbidden", "this API key may not " + method + " "
                + template + ": that needs the scope " + needed.apiName()));
    }

    /** The scope an operation needs, by its HTTP method and path template (e.g. {@code /v1/moments/{id}/awards}). */
    static Scope required(String method, String template) {
        if (READS.contains(method)) {
            return Scope.REPORTS_READ;
        }
        if (EVENTS.matcher(template).matches()) {
            return Scope.EVENTS_WRITE;
        }
        if (AWARDS.matcher(template).matches()) {
            return Scope.AWARDS_WRITE;
        }
        return Scope.MOMENTS_WRITE;
    }
}
