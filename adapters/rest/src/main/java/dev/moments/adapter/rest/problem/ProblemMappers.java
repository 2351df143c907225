package dev.moments.adapter.rest.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.moments.adapter.rest.json.Problem;
import dev.moments.adapter.rest.json.Problems;
import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.application.port.StoreUnavailableException;
import dev.moments.domain.shared.DomainException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into one problem+json response: business refusals into their 4xx, malformed input into 400
 * naming the field, and anything unexpected into a 500 that reveals nothing but is logged.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** How long a client should wait before trying again a request that lost every race. */
    static final String RETRY_AFTER_SECONDS = "1";

    /** How long a client should wait before trying again while the database cannot be used. */
    static final String OUTAGE_RETRY_AFTER_SECONDS = "5";

    @ServerExceptionMapper
    public Response domain(DomainException e) {
        return toResponse(from(e));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return toResponse(from(e));
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return toResponse(from(e));
    }

    /**
     * Jackson reports a body it could not bind to a record in some cases as a definition error, which Quarkus would
     * answer with an empty 500 of its own: every such failure goes through {@link #from} instead.
     */
    @ServerExceptionMapper
    public Response definition(InvalidDefinitionException e) {
        return toResponse(from(e));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        return toResponse(from(e));
    }

    @ServerExceptionMapper
    public Response contention(ConcurrentWriteException e) {
        return Response.fromResponse(toResponse(from(e))).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response outage(StoreUnavailableException e) {
        return Response.fromResponse(toResponse(from(e))).header("Retry-After", OUTAGE_RETRY_AFTER_SECONDS).build();
    }

    /**
     * A form body whose percent-encoding is broken (a {@code %} without two hex digits after it) fails in Quarkus
     * REST's own form parser, before any page of ours: it is the client's malformed input, a 400, not a failure.
     * Any other {@code IllegalArgumentException} stays a bug.
     */
    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e) {
        if (Arrays.stream(e.getStackTrace()).limit(8)
                .anyMatch(frame -> frame.getClassName().startsWith(FORM_PARSER))) {
            return toResponse(Problem.invalid(400, "body", "the form is not well-formed: a value's percent-encoding"
                    + " is broken"));
        }
        return toResponse(from(e));
    }

    /** Quarkus REST's parser of form bodies ({@code application/x-www-form-urlencoded}). */
    private static final String FORM_PARSER =
            "org.jboss.resteasy.reactive.server.core.multipart.FormEncodedDataDefinition";

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        return toResponse(from(e));
    }

    /** The problem that answers a failure; unexpected failures are logged here and described to no one. */
    public static Problem from(Throwable e) {
        if (e instanceof BadQueryParameterException query) {
            return Problem.invalid(400, query.parameter(), query.getMessage());
        }
        if (isFormParameterLimit(e)) {
            return Problem.of(413, "Content Too Large", "too-many-form-fields", "the form has more fields than"
                    + " any form of this service (at most quarkus.http.limits.max-parameters, 1,000 by default)", null);
        }
        Problem known = Problems.of(e);
        if (known != null) {
            if (e instanceof StoreUnavailableException outage) {
                logOutage(outage);
            }
            return known;
        }
        if (e instanceof InvalidDefinitionException) {
            LOG.error("a request body type cannot be read by Jackson; a defect of the service", e);
            return internal();
        }
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            String code = switch (status.getStatusCode()) {
                case 404 -> "not-found";
                case 405 -> "method-not-allowed";
                case 406 -> "not-acceptable";
                case 415 -> "unsupported-media-type";
                default -> "http-" + status.getStatusCode();
            };
            return Problem.of(status.getStatusCode(), status.getReasonPhrase(), code, web.getMessage(), null);
        }
        LOG.error("unexpected failure while serving a request", e);
        return internal();
    }

    /** A problem as a response, with the problem media type. */
    public static Response toResponse(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static Problem internal() {
        return Problem.of(500, "internal", "something went wrong on our side; the failed step changed nothing");
    }

    /** When an outage was last logged, so that a flood of 503s writes one line every 10 seconds, not one each. */
    private static final AtomicLong OUTAGE_LOGGED_AT = new AtomicLong();

    private static void logOutage(StoreUnavailableException e) {
        long now = System.nanoTime();
        long last = OUTAGE_LOGGED_AT.get();
        if ((last == 0 || now - last > TimeUnit.SECONDS.toNanos(10)) && OUTAGE_LOGGED_AT.compareAndSet(last, now)) {
            LOG.warnf("the database cannot be used now; answering 503 (%s)", String.valueOf(e.getCause()));
        }
    }

    /**
     * Whether the failure is the form parser's refusal of a form with more fields than allowed. RESTEasy Reactive
     * throws it as a bare {@code RuntimeException} (quarkusio/quarkus#54681), so it is known by where it was thrown.
     */
    private static boolean isFormParameterLimit(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return e.getClass() == RuntimeException.class && trace.length > 0
                && FORM_DATA.equals(trace[0].getClassName());
    }

    private static final String FORM_DATA = "org.jboss.resteasy.reactive.server.core.multipart.FormData";
}
