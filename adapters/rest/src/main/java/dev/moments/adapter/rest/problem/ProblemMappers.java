package dev.moments.adapter.rest.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.application.port.InvalidExpressionException;
import dev.moments.application.port.StoreUnavailableException;
import dev.moments.application.port.in.EventIdConflictException;
import dev.moments.application.port.in.IdempotentReplayUnavailableException;
import dev.moments.application.port.in.NotEligibleException;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.NotReportableException;
import dev.moments.application.port.in.RedemptionRefusedException;
import dev.moments.domain.award.InvalidAwardTransitionException;
import dev.moments.domain.moment.InvalidTransitionException;
import dev.moments.domain.moment.MomentNotEditableException;
import dev.moments.domain.shared.DomainException;
import dev.moments.domain.shared.InvalidValueException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
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
        return from(e).toResponse();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return from(e).toResponse();
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return from(e).toResponse();
    }

    /**
     * Jackson reports a body it could not bind to a record in some cases as a definition error, which Quarkus would
     * answer with an empty 500 of its own: every such failure goes through {@link #from} instead.
     */
    @ServerExceptionMapper
    public Response definition(InvalidDefinitionException e) {
        return from(e).toResponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        return from(e).toResponse();
    }

    @ServerExceptionMapper
    public Response contention(ConcurrentWriteException e) {
        return Response.fromResponse(from(e).toResponse()).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response outage(StoreUnavailableException e) {
        return Response.fromResponse(from(e).toResponse()).header("Retry-After", OUTAGE_RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        return from(e).toResponse();
    }

    /** The problem that answers a failure; unexpected failures are logged here and described to no one. */
    public static Problem from(Throwable e) {
        Problem text = unacceptableText(e);
        if (text != null) {
            return text;
        }
        JsonProcessingException unreadable = jsonCause(e);
        if (unreadable != null && unreadable != e) {
            return from(unreadable);
        }
        if (e instanceof InvalidValueException invalid) {
            return Problem.invalid(422, invalid.field(), invalid.getMessage());
        }
        if (e instanceof BadQueryParameterException query) {
            return Problem.invalid(400, query.parameter(), query.getMessage());
        }
        if (isFormParameterLimit(e)) {
            return Problem.of(413, "Content Too Large", "too-many-form-fields", "the form has more fields than"
                    + " any form of this service (at most quarkus.http.limits.max-parameters, 1,000 by default)", null);
        }
        if (e instanceof NotFoundException notFound) {
            return Problem.of(Response.Status.NOT_FOUND, notFound.code(), notFound.getMessage());
        }
        if (e instanceof NotEligibleException notEligible) {
            return Problem.of(Response.Status.CONFLICT, notEligible.code(), notEligible.getMessage())
                    .withReason(notEligible.reason());
        }
        if (e instanceof RedemptionRefusedException refused) {
            return refusal(refused);
        }
        if (e instanceof InvalidTransitionException || e instanceof MomentNotEditableException
                || e instanceof EventIdConflictException
                || e instanceof NotReportableException
                || e instanceof IdempotentReplayUnavailableException
                || e instanceof InvalidAwardTransitionException) {
            return Problem.of(Response.Status.CONFLICT, ((DomainException) e).code(), e.getMessage());
        }
        if (e instanceof DomainException refusal) {
            return Problem.of(422, "Unprocessable Content", refusal.code(), refusal.getMessage(), null);
        }
        if (e instanceof StoreUnavailableException outage) {
            logOutage(outage);
            return Problem.of(503, "Service Unavailable", "unavailable", "the service cannot use its database right"
                    + " now; try again in a few seconds. Nothing was changed, unless the connection broke during the"
                    + " commit itself: an event sent again with its id, or a creation with its Idempotency-Key, is"
                    + " applied once either way", null);
        }
        if (e instanceof ConcurrentWriteException) {
            // lost the race for the same rows every time it was retried: nothing was changed, and trying again soon
            // is what helps, so this is a "busy", not an error of ours
            return Problem.of(503, "Service Unavailable", "contention", "other requests changed the same records"
                    + " at the same time, every time this one was tried; nothing was changed, try again", null);
        }
        if (e instanceof InvalidDefinitionException) {
            LOG.error("a request body type cannot be read by Jackson; a defect of the service", e);
            return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal",
                    "something went wrong on our side; the failed step changed nothing");
        }
        if (e instanceof JsonParseException parse) {
            return Problem.of(400, "Bad Request", "malformed-json", "the body is not valid JSON: "
                    + parse.getOriginalMessage(), null);
        }
        if (e instanceof MismatchedInputException mismatch) {
            return badField(mismatch, mismatch instanceof InvalidFormatException format
                    ? "cannot read " + describe(format.getValue()) + " as " + simpleName(format.getTargetType())
                    : "expected " + simpleName(mismatch.getTargetType()));
        }
        if (e instanceof JsonMappingException mapping) {
            return badField(mapping, mapping.getOriginalMessage());
        }
        if (e instanceof JsonProcessingException processing) {
            return Problem.of(400, "Bad Request", "malformed-json", "the body cannot be read: "
                    + processing.getOriginalMessage(), null);
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
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal",
                "something went wrong on our side; the failed step changed nothing");
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
     * A refused claim: claimed already and not yet redeemable are conflicts (409 {@code already-claimed},
     * {@code not-yet-redeemable}), expired and cancelled links are gone (410), a reward the user cannot have is a
     * conflict too (409 {@code reward-unavailable}, with the reason), a reward the award does not offer is an invalid
     * {@code rewardId} (422).
     */
    private static Problem refusal(RedemptionRefusedException e) {
        return switch (e.reason()) {
            case ALREADY_CLAIMED -> Problem.of(Response.Status.CONFLICT, "already-claimed", e.getMessage());
            case NOT_YET_REDEEMABLE -> Problem.of(Response.Status.CONFLICT, "not-yet-redeemable", e.getMessage());
            case EXPIRED -> Problem.of(Response.Status.GONE, "expired", e.getMessage());
            case CANCELLED -> Problem.of(Response.Status.GONE, "cancelled", e.getMessage());
            case NOT_AN_OPTION -> Problem.invalid(422, "rewardId", e.getMessage());
            case NOT_IN_COUNTRY, OUT_OF_CODES -> Problem.of(Response.Status.CONFLICT, "reward-unavailable",
                    e.getMessage()).withReason(e.reason().name());
        };
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

    /**
     * A string refused for its content, 422, wherever Jackson met it (a value, or a map key, which Jackson wraps in
     * an exception of its own); the field is named by the outermost path known.
     */
    private static Problem unacceptableText(Throwable e) {
        String field = "";
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (field.isEmpty() && cause instanceof JsonMappingException mapping) {
                field = JsonPaths.of(mapping.getPath());
            }
            if (cause instanceof UnacceptableValueException text) {
                String where = field.isEmpty() ? JsonPaths.of(text.getPath()) : field;
                where = (where.isEmpty() ? "body" : where) + text.innerPath();
                return Problem.invalid(422, where, text.getOriginalMessage());
            }
        }
        return null;
    }

    /** The JSON failure behind a failure, if any: the body reader wraps Jackson's exceptions. */
    private static JsonProcessingException jsonCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return json;
            }
        }
        return null;
    }

    private static Problem badField(JsonMappingException e, String message) {
        String field = JsonPaths.of(e.getPath());
        if (field.isEmpty()) {
            return Problem.of(400, "Bad Request", "malformed-json", "the body has the wrong shape: " + message, null);
        }
        return Problem.invalid(400, field, message);
    }

    private static String describe(Object value) {
        return value instanceof String text ? "\"" + (text.length() > 50 ? text.substring(0, 50) + "…" : text) + "\""
                : String.valueOf(value);
    }

    private static String simpleName(Class<?> type) {
        if (type == null) {
            return "the expected type";
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class
                || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == java.time.Instant.class) {
            return "an RFC 3339 time such as 2026-11-25T10:00:00Z";
        }
        if (type == java.time.Duration.class) {
            return "an ISO-8601 duration such as P45D or PT24H";
        }
        return "an object";
    }
}
