package dev.moments.adapter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.moments.adapter.rest.json.Problem;
import dev.moments.adapter.rest.problem.ProblemMappers;
import dev.moments.adapter.rest.security.Roles;
import dev.moments.application.port.RecordedResponse;
import dev.moments.application.port.in.IdempotentRequestUseCase;
import dev.moments.application.port.in.IdempotentRequestUseCase.IdempotentRequest;
import dev.moments.application.port.in.IdempotentRequestUseCase.Outcome;
import dev.moments.domain.shared.Digests;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} of every creating POST, in one place: each such resource method hands its creation to
 * {@link #respond}. Without the header the creation answers as it always did. With it, the request is fingerprinted
 * (method, path and the body as deserialised, in a canonical JSON form: keys sorted, numbers without trailing zeros,
 * so key order and {@code 1.50} vs {@code 1.5} do not matter) and run through {@link IdempotentRequestUseCase}: the
 * creation joins the transaction that claims the key, and its response is rendered to bytes in that transaction, so
 * a retry gets exactly those bytes again (with {@code Idempotent-Replayed: true}).
 *
 * <p>Keys are the partner's own ({@link CurrentPartner}); the operator's requests (role {@link Roles#ADMIN}) share one
 * scope. A failed creation (4xx, 5xx) keeps nothing: the key may be sent again.
 */
@ApplicationScoped
public class IdempotentCreations {

    /** The request header carrying the client's key. */
    public static final String HEADER = "Idempotency-Key";
    /** The response header that marks a replay of the first response to the key. */
    public static final String REPLAYED = "Idempotent-Replayed";
    /** What the OpenAPI document says of the header, on every operation that takes it. */
    public static final String DESCRIPTION = "Optional. 1 to 255 visible ASCII characters, unique per request and"
            + " partner (the operators' requests share one scope). Sent again with the same request, the first"
            + " response is replayed (same status and body, header Idempotent-Replayed: true) and nothing is created"
            + " again; with another request, 422 idempotency-key-reused. A request that failed (4xx, 5xx) keeps"
            + " nothing: its key may be sent again. Keys are kept at least 24 hours.";

    static final String ADMIN_SCOPE = "admin";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,"
            + IdempotentRequestUseCase.MAX_KEY_LENGTH + "}");

    private final IdempotentRequestUseCase idempotency;
    private final CurrentPartner partner;
    private final SecurityIdentity identity;
    private final ContainerRequestContext request;
    private final ObjectMapper json;

    public IdempotentCreations(IdempotentRequestUseCase idempotency, CurrentPartner partner,
                               SecurityIdentity identity, ContainerRequestContext request, ObjectMapper json) {
        this.idempotency = idempotency;
        this.partner = partner;
        this.identity = identity;
        this.request = request;
        this.json = json;
    }

    /**
     * Answers a creating request.
     *
     * @param key the {@code Idempotency-Key} header, or {@code null} when absent
     * @param body the request body as deserialised, {@code null} for none
     * @param creation creates and answers (a 2xx, or throws as any resource method does)
     */
    public Response respond(String key, Object body, Supplier<Response> creation) {
        if (key == null) {
            // JAX-RS may hand an empty header value over as no value at all
            key = request.getHeaderString(HEADER);
        }
        if (key == null) {
            return creation.get();
        }
        if (!VALID_KEY.matcher(key).matches()) {
            return ProblemMappers.toResponse(Problem.invalid(400, HEADER, "an Idempotency-Key has 1 to "
                    + IdempotentRequestUseCase.MAX_KEY_LENGTH + " visible ASCII characters (no spaces), got "
                    + describe(key)));
        }
        Outcome outcome = idempotency.handle(new IdempotentRequest(scope(), key, fingerprint(body)),
                () -> recorded(creation.get()));
        return response(outcome);
    }

    private String scope() {
        return identity.hasRole(Roles.ADMIN) ? ADMIN_SCOPE : partner.id().value();
    }

    /** A digest of the method, the path and the body in canonical form. */
    private String fingerprint(Object body) {
        StringBuilder canonical = new StringBuilder(request.getMethod()).append(' ')
                .append(request.getUriInfo().getPath()).append('\n');
        canonical(body == null ? null : json.valueToTree(body), canonical);
        return Digests.sha256Hex(canonical.toString());
    }

    /** JSON with object keys sorted and every number as its decimal without trailing zeros. */
    static void canonical(JsonNode node, StringBuilder out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            out.append('{');
            for (String name : names) {
                out.append(new TextNode(name)).append(':');
                canonical(node.get(name), out);
                out.append(',');
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (Iterator<JsonNode> items = node.elements(); items.hasNext(); ) {
                canonical(items.next(), out);
                out.append(',');
            }
            out.append(']');
        } else if (node.isNumber()) {
            // scientific notation: the plain form of 1e999999999 would be a billion characters
            out.append(node.decimalValue().stripTrailingZeros());
        } else if (node.isTextual()) {
            out.append(node); // quoted and escaped
        } else {
            out.append(node.asText()).append('!').append(node.getNodeType());
        }
    }

    /** The creation's response as it will be sent: its entity rendered to JSON bytes here, in the transaction. */
    private RecordedResponse recorded(Response response) {
        Object entity = response.getEntity();
        byte[] body;
        try {
            body = entity == null ? new byte[0]
                    : entity instanceof byte[] bytes ? bytes : json.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response could not be rendered as JSON", e);
        }
        MediaType type = response.getMediaType();
        String contentType = entity == null ? null : type == null ? MediaType.APPLICATION_JSON : type.toString();
        URI location = response.getLocation();
        return new RecordedResponse(response.getStatus(), contentType, body,
                location == null ? null : location.toString());
    }

    private static Response response(Outcome outcome) {
        RecordedResponse recorded = outcome.response();
        Response.ResponseBuilder response = Response.status(recorded.status());
        if (recorded.contentType() != null) {
            response.entity(recorded.body()).type(recorded.contentType());
        }
        if (recorded.location() != null) {
            response.header(HttpHeaders.LOCATION, recorded.location());
        }
        if (outcome.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.build();
    }

    /** The refused key, shortened and with anything invisible escaped, so it can go in a message. */
    private static String describe(String key) {
        if (key.isEmpty()) {
            return "an empty value";
        }
        StringBuilder shown = new StringBuilder("\"");
        key.codePoints().limit(40).forEach(c -> {
            if (c > 0x20 && c < 0x7F) {
                shown.appendCodePoint(c);
            } else {
                shown.append(String.format("\\u%04X", c));
            }
        });
        return shown.append(key.length() > 40 ? "…\"" : "\"").append(" (").append(key.length())
                .append(" characters)").toString();
    }
}
