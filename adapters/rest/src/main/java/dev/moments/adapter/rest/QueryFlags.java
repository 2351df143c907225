package dev.moments.adapter.rest;

import dev.moments.adapter.rest.problem.BadQueryParameterException;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * Reads boolean query parameters strictly: absent is {@code false}, otherwise exactly one value, {@code true} or
 * {@code false}. Anything else ({@code ?dryRun}, {@code 1}, {@code yes}, {@code TRUE}, the flag twice) is refused
 * rather than read as false: a flag that asks for a dry run must never end in a real payment.
 */
final class QueryFlags {

    private QueryFlags() {
    }

    static boolean read(UriInfo uri, String name) {
        List<String> values = uri.getQueryParameters().get(name);
        if (values == null) {
            return false;
        }
        if (values.size() == 1 && values.get(0).equals("true")) {
            return true;
        }
        if (values.size() == 1 && values.get(0).equals("false")) {
            return false;
        }
        throw new BadQueryParameterException(name, name + " must be given once, as true or false");
    }
}
