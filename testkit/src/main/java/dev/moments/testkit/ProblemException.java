package dev.moments.testkit;

import dev.moments.adapter.rest.json.Problem;
import java.util.List;

/**
 * A call the HTTP API would have answered with a problem (RFC 9457): the same status, type, detail, fields and reason
 * code as {@code application/problem+json} there, so a test can expect what its production code handles, e.g.
 * {@code 422 /problems/invalid-value} naming {@code budget.costPerAction}, or {@code 410 /problems/expired}.
 */
public final class ProblemException extends RuntimeException {

    private final transient Problem problem;

    ProblemException(Problem problem, Throwable cause) {
        super(describe(problem), cause);
        this.problem = problem;
    }

    /** The HTTP status the API answers with, e.g. 422. */
    public int status() {
        return problem.status();
    }

    /** The problem type, e.g. {@code /problems/invalid-value}. */
    public String type() {
        return problem.type();
    }

    /** The last segment of the type, e.g. {@code invalid-value}. */
    public String code() {
        return problem.code();
    }

    /** What went wrong, in words. */
    public String detail() {
        return problem.detail();
    }

    /** For a refused award or reward, the reason code of docs/api.md (e.g. {@code LIMIT_PER_USER}), or {@code null}. */
    public String reason() {
        return problem.reason();
    }

    /** For invalid input, each offending field by its path (e.g. {@code trigger.of[1].within}); otherwise empty. */
    public List<FieldError> errors() {
        return problem.errors() == null ? List.of() : problem.errors().stream()
                .map(error -> new FieldError(error.field(), error.message())).toList();
    }

    /** One offending field of a request, as the API names it. */
    public record FieldError(String field, String message) {
    }

    private static String describe(Problem problem) {
        return problem.status() + " " + problem.type() + (problem.reason() == null ? "" : " (" + problem.reason() + ")")
                + ": " + problem.detail();
    }
}
