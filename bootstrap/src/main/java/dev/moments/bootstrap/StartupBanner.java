package dev.moments.bootstrap;

import dev.moments.adapter.rest.AdminToken;
import dev.moments.application.port.out.TokenSealer;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Says where the service can be reached once it has started. */
@Singleton
public class StartupBanner {

    private static final Logger LOG = Logger.getLogger(StartupBanner.class);

    /** Takes the admin token and the token sealer as parameters so they are made, and logged about, at start. */
    void onStart(@Observes StartupEvent event, MomentsConfig config, AdminToken adminToken, TokenSealer sealer) {
        String url = config.publicUrl();
        LOG.infof("Moments is up at %s (API docs: %s/q/swagger-ui, health: %s/q/health)", url, url, url);
    }
}
