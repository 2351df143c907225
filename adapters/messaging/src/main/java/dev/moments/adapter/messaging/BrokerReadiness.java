package dev.moments.adapter.messaging;

import io.smallrye.reactive.messaging.health.HealthReport;
import io.smallrye.reactive.messaging.providers.extension.HealthCenter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness says whether the channels of the broker in use (RabbitMQ's or Kafka's) are connected: {@code "broker"},
 * with the broker's name ({@code "name"}) and each channel's state. Only
 * readiness: without its broker the service still serves HTTP (liveness), and its channels reconnect by themselves.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    private final HealthCenter channels;
    private final Broker broker;

    public BrokerReadiness(HealthCenter channels, DomainEventSinks sinks) {
        this.channels = channels;
        this.broker = sinks.broker();
    }

    @Override
    public HealthCheckResponse call() {
        HealthReport report = channels.getReadiness();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("broker").status(report.isOk())
                .withData("name", broker.name().toLowerCase(Locale.ROOT));
        for (HealthReport.ChannelInfo channel : report.getChannels()) {
            response.withData(channel.getChannel(), channel.isOk() ? "UP" : "DOWN");
        }
        return response.build();
    }
}
