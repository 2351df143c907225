package dev.moments.adapter.rest;

import dev.moments.adapter.rest.dto.Responses;
import dev.moments.adapter.rest.security.Roles;
import dev.moments.application.port.in.AuditUseCase;
import dev.moments.domain.partner.PartnerId;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Writes each change the API made to a partner's configuration to the partner's audit log, once it succeeded: a
 * 2xx answer to a POST, PUT, PATCH or DELETE under {@code /v1} by the partner's key ({@code key:<id>}) or under
 * {@code /admin/v1/partners} by the operator ({@code admin}). What the partner's systems send all day (events and
 * their dry runs, direct awards and previews, point spends, fulfilment reports: each has its own record) is left out,
 * as are review decisions, which the review service writes in their own transaction, and the replay of an idempotent
 * creation (the first answer was written). The entry is written after the change committed: a store that fails just
 * then loses the entry (logged), never the answer.
 */
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern ADMIN = Pattern.compile("/admin/v1/partners/([^/]+)(?:/.*)?");
    private static final List<Pattern> LEFT_OUT = List.of(
            Pattern.compile("/v1/events(/.*)?"),
            Pattern.compile("/v1/moments/[^/]+/awards(/preview)?"),
            Pattern.compile("/v1/users/.*"),
            Pattern.compile("/v1/awards/[^/]+/(approve|reject|fulfillment)"));

    @Inject
    AuditUseCase audit;
    @Inject
    SecurityIdentity identity;
    @Inject
    CurrentPartner partner;

    @ServerResponseFilter
    public void record(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        String path = request.getUriInfo().getPath();
        if (!CHANGES.contains(method) || response.getStatus() < 200 || response.getStatus() >= 300
                || response.getHeaders().containsKey(IdempotentCreations.REPLAYED)
                || LEFT_OUT.stream().anyMatch(pattern -> pattern.matcher(path).matches())) {
            return;
        }
        try {
            if (path.startsWith("/v1/") && identity.hasRole(Roles.PARTNER)) {
                audit.record(partner.id(), partner.actor(), method + " " + path, created(response), null);
            } else if (path.startsWith("/admin/v1/partners") && identity.hasRole(Roles.ADMIN)) {
                Matcher admin = ADMIN.matcher(path);
                String partnerId = admin.matches() ? admin.group(1)
                        : response.getEntity() instanceof Responses.PartnerCreated created ? created.id() : null;
                if (partnerId != null) {
                    audit.record(new PartnerId(partnerId), "admin", method + " " + path, created(response), null);
                }
            }
        } catch (RuntimeException failed) {
            LOG.warnf(failed, "could not write the audit entry of %s %s, which succeeded", method, path);
        }
    }

    /** The id of what the request created (the last segment of its {@code Location}), or {@code null}. */
    private static String created(ContainerResponseContext response) {
        URI location = response.getLocation();
        if (location == null) {
            return null;
        }
        String path = location.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
