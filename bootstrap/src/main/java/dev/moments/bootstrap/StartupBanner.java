package dev.moments.bootstrap;

import dev.moments.adapter.rest.AdminToken;
import dev.moments.adapter.rest.RedeemLinks;
import dev.moments.application.port.out.TokenSealer;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Says where the service can be reached, once its HTTP port is bound: Quarkus fires {@link HttpServerStart} only
 * after the server listens, so a start whose port is taken never claims to be up. The address is the one redemption
 * links use ({@link RedeemLinks#base()}): the public URL, or the real port.
 */
@Singleton
public class StartupBanner {

    private static final Logger LOG = Logger.getLogger(StartupBanner.class);

    /** Takes the admin token and the token sealer as parameters so they are made, and logged about, at start. */
    void onStart(@Observes StartupEvent event, AdminToken adminToken, TokenSealer sealer) {
        // nothing else to do: making them is the point
    }

    /**
     * The event can run a moment before the server reports the port it bound (a random port, {@code 0}, above all):
     * then the address is asked again every 50 ms, for 5 s at most.
     */
    void onListening(@ObservesAsync HttpServerStart started, RedeemLinks links) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            String url;
            try {
                url = links.base();
            } catch (RuntimeException notListeningYet) { // not bound yet: null, or the server not yet set up
                if (attempt == 100) {
                    throw notListeningYet;
                }
                Thread.sleep(50);
                continue;
            }
            LOG.infof("Moments is up at %s (API docs: %s/q/swagger-ui, health: %s/q/health)", url, url, url);
            return;
        }
    }
}
