package dev.moments.bootstrap;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Says where the service can be reached once it has started. */
@Singleton
public class StartupBanner {

    private static final Logger LOG = Logger.getLogger(StartupBanner.class);

    void onStart(@Observes StartupEvent event, MomentsConfig config) {
        String url = config.publicUrl();
        LOG.infof("Moments is up at %s (API docs: %s/q/swagger-ui, health: %s/q/health)", url, url, url);
    }
}
