package dev.moments.adapter.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The CSRF defence of the claim form (and, beside its session token, of the console's forms): a claim must come from
 * a page of this service.
 *
 * <p>Why not a hidden nonce: the page has no session and no cookie; its only authority is the secret token in the
 * URL. Whoever can forge a POST to {@code /r/{token}} already knows the token, and could fetch the form (nonce
 * included) or claim through the API himself, so a nonce derived from the token (an HMAC bound to it) would protect
 * nothing that the token does not. What is worth refusing is another site making the user's browser submit a claim
 * (a page that learnt a link posting it with its own shipping address while the user looks at it). Browsers say where
 * such a request comes from, so the check is stateless, needs no key, survives several instances and works without
 * JavaScript:
 * <ul>
 *   <li>{@code Sec-Fetch-Site} (Fetch Metadata, every current browser on HTTPS or localhost): only
 *       {@code same-origin} passes ({@code none}, a request the user made himself, too);</li>
 *   <li>without it, {@code Origin}: when present it must be this service's origin, as configured by
 *       {@code moments.public-url} or as the request's {@code Host} / {@code X-Forwarded-Host} says. {@code Origin: null}
 *       passes: browsers send it on same-origin posts from a page with {@code Referrer-Policy: no-referrer}, which
 *       these pages must have (the URL holds the secret);</li>
 *   <li>neither header (curl, old browsers): passes; the token remains the authority.</li>
 * </ul>
 * The pages also forbid framing ({@code frame-ancestors 'none'}) so that another site cannot trick a click.
 */
@ApplicationScoped
public class SameOriginPolicy {

    private final Optional<String> publicAuthority;

    public SameOriginPolicy(@ConfigProperty(name = "moments.public-url") Optional<String> publicUrl) {
        this.publicAuthority = publicUrl.flatMap(SameOriginPolicy::authority);
    }

    /** Whether this form post may have come from another site. */
    public boolean isCrossSite(HttpHeaders headers) {
        String fetchSite = headers.getHeaderString("Sec-Fetch-Site");
        if (fetchSite != null) {
            String site = fetchSite.strip().toLowerCase(Locale.ROOT);
            return !site.equals("same-origin") && !site.equals("none");
        }
        String origin = headers.getHeaderString("Origin");
        if (origin == null || origin.isBlank() || origin.strip().equals("null")) {
            return false;
        }
        Optional<String> from = authority(origin.strip());
        if (from.isEmpty()) {
            return true;
        }
        return !(from.equals(publicAuthority)
                || from.get().equalsIgnoreCase(strip(headers.getHeaderString(HttpHeaders.HOST)))
                || from.get().equalsIgnoreCase(strip(firstValue(headers.getHeaderString("X-Forwarded-Host")))));
    }

    private static Optional<String> authority(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || ("https".equalsIgnoreCase(uri.getScheme()) && port == 443)
                    || ("http".equalsIgnoreCase(uri.getScheme()) && port == 80);
            return Optional.of(uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (IllegalArgumentException notAUrl) {
            return Optional.empty();
        }
    }

    private static String firstValue(String header) {
        return header == null ? null : header.split(",", 2)[0];
    }

    /** A Host header without the default ports, to compare with an origin's authority. */
    private static String strip(String host) {
        if (host == null) {
            return "";
        }
        String kept = host.strip().toLowerCase(Locale.ROOT);
        if (kept.endsWith(":80") || kept.endsWith(":443")) {
            return kept.substring(0, kept.lastIndexOf(':'));
        }
        return kept;
    }
}
