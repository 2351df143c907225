package dev.moments.adapter.rest;

import dev.moments.domain.redemption.RedemptionToken;
import io.quarkus.vertx.http.HttpServer;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds the links users open to redeem an award, from the URL users reach the service at: {@code moments.public-url}
 * when it is set, else where this instance's HTTP server listens (its real port, e.g. {@code http://localhost:18181}
 * with {@code QUARKUS_HTTP_PORT=18181}).
 */
@ApplicationScoped
public class RedeemLinks {

    private final Optional<String> publicUrl;
    private final HttpServer server;

    public RedeemLinks(@ConfigProperty(name = "moments.public-url") Optional<String> publicUrl, HttpServer server) {
        this.publicUrl = publicUrl.map(String::strip).filter(url -> !url.isEmpty());
        this.server = server;
    }

    /**
     * The base of every link, without a trailing slash: the public URL, or {@code http://<host>:<port>} of the bound
     * HTTP server ({@code localhost} when it listens on every address).
     *
     * @throws IllegalStateException without a public URL, before the HTTP server is bound
     */
    public String base() {
        String base = publicUrl.orElseGet(() -> {
            URI listening = server.getLocalBaseUri();
            if (listening == null) {
                throw new IllegalStateException("no moments.public-url, and the HTTP server is not listening yet");
            }
            return listening.toString();
        });
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** {@code <base>/r/<token>}. */
    public String of(RedemptionToken token) {
        return base() + "/r/" + token.value();
    }
}
