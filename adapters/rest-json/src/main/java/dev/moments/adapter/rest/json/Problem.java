package dev.moments.adapter.rest.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response.
 *
 * @param type a URI reference whose last segment is a stable code, e.g. {@code /problems/invalid-value}
 * @param errors for validation failures, one entry per offending field
 * @param reason for refusals of an award, the reason code from docs/api.md (e.g. {@code LIMIT_PER_USER})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors, String reason) {

    /** The media type of problem details. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** One offending field, as a dotted path such as {@code budget.costPerAction} or {@code rewards[0]}. */
    public record FieldError(String field, String message) {
    }

    /** A problem of a status with its standard title (RFC 9110's reason phrase). */
    public static Problem of(int status, String code, String detail) {
        return of(status, title(status), code, detail, null);
    }

    public static Problem of(int status, String title, String code, String detail, List<FieldError> errors) {
        return new Problem("/problems/" + code, title, status, detail, errors, null);
    }

    /** The same problem carrying a refusal's reason code. */
    public Problem withReason(String reasonCode) {
        return new Problem(type, title, status, detail, errors, reasonCode);
    }

    /** A validation failure naming one field. */
    public static Problem invalid(int status, String field, String message) {
        return of(status, status == 400 ? "Bad Request" : "Unprocessable Content", "invalid-value",
                field + ": " + message, List.of(new FieldError(field, message)));
    }

    /** The last segment of {@link #type}: the stable code of the problem, e.g. {@code invalid-value}. */
    public String code() {
        return type.substring(type.lastIndexOf('/') + 1);
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 413 -> "Content Too Large";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "HTTP " + status;
        };
    }
}
