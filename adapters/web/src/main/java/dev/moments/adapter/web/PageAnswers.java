package dev.moments.adapter.web;

import dev.moments.adapter.web.Views.BrandView;
import dev.moments.application.port.ConcurrentWriteException;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The answers of the redemption page, each with the headers a page holding a secret in its URL needs. */
final class PageAnswers {

    private PageAnswers() {
    }

    /**
     * A page in the user's language; its policy allows the images of {@code imageOrigins} and, when {@code brand} is
     * not {@code null}, the partner's logo and colour.
     */
    static Response page(int status, TemplateInstance template, PageLocale locale, Set<String> imageOrigins,
                         BrandView brand) {
        template.setAttribute("locale", locale.locale());
        Set<String> images = imageOrigins;
        if (brand != null && brand.logoOrigin() != null) {
            images = new LinkedHashSet<>(imageOrigins);
            images.add(brand.logoOrigin());
        }
        return secured(Response.status(status).type("text/html;charset=UTF-8").entity(template.render()),
                images, brand == null ? null : brand.styleHash())
                .header("Content-Language", locale.tag())
                .header(HttpHeaders.VARY, "Accept-Language")
                .build();
    }

    /** Seconds to wait: a short while after a lost race, longer while the database cannot be reached. */
    static String retryAfter(RuntimeException busy) {
        return busy instanceof ConcurrentWriteException ? "1" : "5";
    }

    static Response json(int status, Map<String, ?> body) {
        return secured(Response.status(status).type("application/json;charset=UTF-8").entity(body), Set.of(), null)
                .build();
    }

    /**
     * The headers of every answer under {@code /r/}: the URL holds a secret and the page handles an address. Styles
     * come from this service, plus the one inline style of {@code styleHash} ({@code 'sha256-…'}) when not
     * {@code null}.
     */
    static Response.ResponseBuilder secured(Response.ResponseBuilder response, Set<String> imageOrigins,
                                            String styleHash) {
        String images = imageOrigins.isEmpty() ? "" : " " + String.join(" ", imageOrigins);
        String styles = styleHash == null ? "" : " " + styleHash;
        return response
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'"
                        + styles + "; "
                        + "img-src 'self'" + images + "; connect-src 'self'; form-action 'self'; base-uri 'none'; "
                        + "frame-ancestors 'none'");
    }
}
