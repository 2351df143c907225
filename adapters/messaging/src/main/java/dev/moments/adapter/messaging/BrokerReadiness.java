package dev.moments.adapter.messaging;

import io.smallrye.reactive.messaging.health.HealthReport;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness says whether the RabbitMQ channels are connected: {@code "broker"}, with each channel's state. Only
 * readiness: without its broker the service still serves HTTP (liveness), and its channels reconnect by themselves.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    private final HealthCenter channels;

    public BrokerReadiness(HealthCenter channels) {
        this.channels = channels;
    }

    @Override
    public HealthCheckResponse call() {
        HealthReport report = channels.getReadiness();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("broker").status(report.isOk());
        for (HealthReport.ChannelInfo channel : report.getChannels()) {
            response.withData(channel.getChannel(), channel.isOk() ? "UP" : "DOWN");
        }
        return response.build();
    }
}
