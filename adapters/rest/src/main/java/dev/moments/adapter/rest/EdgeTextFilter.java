package dev.moments.adapter.rest;

import dev.moments.adapter.rest.json.Problem;
import dev.moments.adapter.rest.problem.ProblemMappers;
import dev.moments.domain.shared.Text;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks, once for every operation, the text a request carries outside its body: path parameters (ids) and query
 * parameters must be well-formed Unicode without control characters (NUL included) and at most
 * {@value #MAX_LENGTH} characters. A path parameter that breaks the rule cannot name anything, so it is a 404; a
 * query parameter that does is a 400 naming it. Nothing of the kind ever reaches a use case or the database.
 */
public class EdgeTextFilter {

    /** The longest path or query parameter value accepted (ids are at most 200 characters). */
    static final int MAX_LENGTH = 256;

    @ServerRequestFilter(priority = Priorities.USER + 100)
    public Optional<Response> check(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getPathParameters().entrySet()) {
            for (String value : parameter.getValue()) {
                if (!acceptable(value)) {
                    return Optional.of(ProblemMappers.toResponse(Problem.of(404, "not-found",
                            "no such " + parameter.getKey() + ": it is not a valid id")));
                }
            }
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            if (!acceptable(name)) {
                return Optional.of(ProblemMappers.toResponse(Problem.invalid(400, "query",
                        "a query parameter name holds control characters, a lone surrogate or is too long")));
            }
            for (String value : parameter.getValue()) {
                if (!acceptable(value)) {
                    return Optional.of(ProblemMappers.toResponse(Problem.invalid(400, name, name + " must be at most "
                            + MAX_LENGTH + " characters of well-formed text without control characters")));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean acceptable(String value) {
        return value.length() <= MAX_LENGTH && Text.isPlain(value);
    }
}
