package dev.moments.adapter.web;

import dev.moments.application.port.ConcurrentWriteException;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Set;

/** The answers of the redemption page, each with the headers a page holding a secret in its URL needs. */
final class PageAnswers {

    private PageAnswers() {
    }

    static Response page(int status, TemplateInstance template, PageLocale locale, Set<String> imageOrigins) {
        template.setAttribute("locale", locale.locale());
        return secured(Response.status(status).type("text/html;charset=UTF-8").entity(template.render()),
                imageOrigins)
                .header("Content-Language", locale.tag())
                .header(HttpHeaders.VARY, "Accept-Language")
                .build();
    }

    /** Seconds to wait: a short while after a lost race, longer while the database cannot be reached. */
    static String retryAfter(RuntimeException busy) {
        return busy instanceof ConcurrentWriteException ? "1" : "5";
    }

    static Response json(int status, Map<String, ?> body) {
        return secured(Response.status(status).type("application/json;charset=UTF-8").entity(body), Set.of())
                .build();
    }

    /** The headers of every answer under {@code /r/}: the URL holds a secret and the page handles an address. */
    static Response.ResponseBuilder secured(Response.ResponseBuilder response, Set<String> imageOrigins) {
        String images = imageOrigins.isEmpty() ? "" : " " + String.join(" ", imageOrigins);
        return response
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
                        + "img-src 'self'" + images + "; connect-src 'self'; form-action 'self'; base-uri 'none'; "
                        + "frame-ancestors 'none'");
    }
}
