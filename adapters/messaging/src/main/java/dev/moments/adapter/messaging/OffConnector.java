package dev.moments.adapter.messaging;

import io.smallrye.mutiny.Multi;
import io.smallrye.reactive.messaging.connector.InboundConnector;
import io.smallrye.reactive.messaging.connector.OutboundConnector;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Flow;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

/**
 * The connector of the broker not in use ({@code moments.messaging.broker} picks RabbitMQ or Kafka at start): its
 * incoming channels never deliver, and whatever is sent to its outgoing channels is refused (nacked). So only the
 * chosen broker is connected to, and one build runs with either.
 */
@ApplicationScoped
@Connector(OffConnector.NAME)
public class OffConnector implements InboundConnector, OutboundConnector {

    /** The connector's name in {@code mp.messaging.*.connector}. */
    public static final String NAME = "moments-off";

    @Override
    public Flow.Publisher<? extends Message<?>> getPublisher(Config config) {
        return Multi.createFrom().nothing();
    }

    @Override
    public Flow.Subscriber<? extends Message<?>> getSubscriber(Config config) {
        String channel = config.getOptionalValue("channel-name", String.class).orElse("?");
        return new Flow.Subscriber<Message<?>>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Message<?> message) {
                message.nack(new IllegalStateException("the channel " + channel + " belongs to a broker not in use"
                        + " (moments.messaging.broker)"));
            }

            @Override
            public void onError(Throwable failure) {
            }

            @Override
            public void onComplete() {
            }
        };
    }
}
