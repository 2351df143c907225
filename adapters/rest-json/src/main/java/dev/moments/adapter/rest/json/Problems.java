package dev.moments.adapter.rest.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.moments.application.port.ConcurrentWriteException;
import dev.moments.application.port.StoreUnavailableException;
import dev.moments.application.port.in.EventIdConflictException;
import dev.moments.application.port.in.IdempotentReplayUnavailableException;
import dev.moments.application.port.in.InsufficientPointsException;
import dev.moments.application.port.in.NotEligibleException;
import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.NotReportableException;
import dev.moments.application.port.in.RedemptionRefusedException;
import dev.moments.domain.award.InvalidAwardTransitionException;
import dev.moments.domain.moment.InvalidTransitionException;
import dev.moments.domain.moment.MomentNotEditableException;
import dev.moments.domain.shared.DomainException;
import dev.moments.domain.shared.InvalidValueException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * The problem of the HTTP contract that answers a failure of the core or of reading a body: business refusals their
 * 4xx with the code docs/api.md names, malformed input a 400 naming the field, an outage or lost races a 503. What
 * the HTTP adapter and the testkit both report, so a refusal reads the same in a unit test as over the wire.
 */
public final class Problems {

    private Problems() {
    }

    /**
     * The problem that answers {@code failure}, or {@code null} when it is none of the failures the contract
     * describes (a defect, or one only the HTTP layer knows, such as an unsupported media type).
     */
    public static Problem of(Throwable failure) {
        Problem text = unacceptableText(failure);
        if (text != null) {
            return text;
        }
        JsonProcessingException unreadable = jsonCause(failure);
        if (unreadable != null && unreadable != failure) {
            return of(unreadable);
        }
        if (failure instanceof InvalidValueException invalid) {
            return Problem.invalid(422, invalid.field(), invalid.getMessage());
        }
        if (failure instanceof NotFoundException notFound) {
            return Problem.of(404, notFound.code(), notFound.getMessage());
        }
        if (failure instanceof NotEligibleException notEligible) {
            return Problem.of(409, notEligible.code(), notEligible.getMessage()).withReason(notEligible.reason());
        }
        if (failure instanceof RedemptionRefusedException refused) {
            return refusal(refused);
        }
        if (failure instanceof InvalidTransitionException || failure instanceof MomentNotEditableException
                || failure instanceof EventIdConflictException
                || failure instanceof NotReportableException
                || failure instanceof IdempotentReplayUnavailableException
                || failure instanceof InvalidAwardTransitionException
                || failure instanceof InsufficientPointsException) {
            return Problem.of(409, ((DomainException) failure).code(), failure.getMessage());
        }
        if (failure instanceof DomainException refusal) {
            return Problem.of(422, refusal.code(), refusal.getMessage());
        }
        if (failure instanceof StoreUnavailableException) {
            return Problem.of(503, "unavailable", "the service cannot use its database right now; try again in a few"
                    + " seconds. Nothing was changed, unless the connection broke during the commit itself: an event"
                    + " sent again with its id, or a creation with its Idempotency-Key, is applied once either way");
        }
        if (failure instanceof ConcurrentWriteException) {
            // lost the race for the same rows every time it was retried: nothing was changed, and trying again soon
            // is what helps, so this is a "busy", not an error of ours
            return Problem.of(503, "contention", "other requests changed the same records at the same time, every"
                    + " time this one was tried; nothing was changed, try again");
        }
        if (failure instanceof InvalidDefinitionException) {
            return null; // a body type Jackson cannot read: a defect of the service, not of the request
        }
        if (failure instanceof JsonParseException parse) {
            return Problem.of(400, "malformed-json", "the body is not valid JSON: " + parse.getOriginalMessage());
        }
        if (failure instanceof MismatchedInputException mismatch) {
            return badField(mismatch, mismatch instanceof InvalidFormatException format
                    ? "cannot read " + describe(format.getValue()) + " as " + simpleName(format.getTargetType())
                    : "expected " + simpleName(mismatch.getTargetType()));
        }
        if (failure instanceof JsonMappingException mapping) {
            return badField(mapping, mapping.getOriginalMessage());
        }
        if (failure instanceof JsonProcessingException processing) {
            return Problem.of(400, "malformed-json", "the body cannot be read: " + processing.getOriginalMessage());
        }
        return null;
    }

    /**
     * A refused claim: claimed already and not yet redeemable are conflicts (409 {@code already-claimed},
     * {@code not-yet-redeemable}), expired and cancelled links are gone (410), a reward the user cannot have is a
     * conflict too (409 {@code reward-unavailable}, with the reason), a reward the award does not offer is an invalid
     * {@code rewardId} (422).
     */
    private static Problem refusal(RedemptionRefusedException e) {
        return switch (e.reason()) {
            case ALREADY_CLAIMED -> Problem.of(409, "already-claimed", e.getMessage());
            case NOT_YET_REDEEMABLE -> Problem.of(409, "not-yet-redeemable", e.getMessage());
            case EXPIRED -> Problem.of(410, "expired", e.getMessage());
            case CANCELLED -> Problem.of(410, "cancelled", e.getMessage());
            case NOT_AN_OPTION -> Problem.invalid(422, "rewardId", e.getMessage());
            case NOT_IN_COUNTRY, OUT_OF_CODES -> Problem.of(409, "reward-unavailable", e.getMessage())
                    .withReason(e.reason().name());
        };
    }

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

    /** The JSON failure behind a failure, if any: a body reader wraps Jackson's exceptions. */
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
            return Problem.of(400, "malformed-json", "the body has the wrong shape: " + message);
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
                || type == BigInteger.class) {
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
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == Instant.class) {
            return "an RFC 3339 time such as 2026-11-25T10:00:00Z";
        }
        if (type == Duration.class) {
            return "an ISO-8601 duration such as P45D or PT24H";
        }
        return "an object";
    }
}
