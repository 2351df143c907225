package dev.moments.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * The real RabbitMQ on 127.0.0.1:5672, as an internal system sees it: publishes to the exchange {@code moments.events}
 * with confirms, reads queues, binds a queue of its own to {@code moments.domain-events}.
 */
final class Broker implements AutoCloseable {

    static final String EVENTS_EXCHANGE = "moments.events";
    static final String EVENTS_QUEUE = "moments.events";
    static final String DEAD_LETTERS = "moments.events.dlq";
    static final String DOMAIN_EVENTS = "moments.domain-events";

    private final Connection connection;
    private final Channel channel;

    private Broker(int port) {
        try {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setHost("127.0.0.1");
            factory.setPort(port);
            connection = factory.newConnection("moments-tests");
            channel = connection.createChannel();
            channel.confirmSelect();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    static Broker connect() {
        return connect(5672);
    }

    static Broker connect(int port) {
        return new Broker(port);
    }

    /** One message a received queue held: its body, headers and properties. */
    record Received(String body, AMQP.BasicProperties properties) {

        private static final ObjectMapper JSON = new ObjectMapper();

        /** The body as JSON. */
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            Object value = properties.getHeaders() == null ? null : properties.getHeaders().get(name);
            return value == null ? null : value.toString();
        }
    }

    /** Publishes each body to {@code moments.events} and waits for the broker's confirms. */
    void publish(List<String> bodies) {
        try {
            AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().contentType("application/json")
                    .deliveryMode(2).build();
            for (String body : bodies) {
                channel.basicPublish(EVENTS_EXCHANGE, "tests", properties, body.getBytes(StandardCharsets.UTF_8));
            }
            channel.waitForConfirmsOrDie(30_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    void publish(String body) {
        publish(List.of(body));
    }

    /** Empties a queue (left-overs of earlier runs); a queue that does not exist yet is fine. */
    void purge(String queue) {
        call(() -> {
            Channel probe = connection.createChannel();
            try {
                probe.queuePurge(queue);
            } catch (IOException notDeclaredYet) {
                return null; // the broker closed the channel with its refusal
            }
            connectionCall(probe::close);
            return null;
        });
    }

    /** How many messages a queue holds ready for a consumer. */
    long ready(String queue) {
        return call(() -> channel.queueDeclarePassive(queue).getMessageCount());
    }

    /**
     * How many messages of a queue were delivered to a consumer and not acknowledged yet; AMQP does not tell, so
     * this asks {@code rabbitmqctl}, run by the tests' user (root on CI).
     */
    long unacknowledged(String queue) {
        try {
            Process ctl = new ProcessBuilder("rabbitmqctl", "-q", "list_queues", "name", "messages_unacknowledged")
                    .redirectErrorStream(true).start();
            String out = new String(ctl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (ctl.waitFor() != 0) {
                throw new IllegalStateException("rabbitmqctl failed: " + out);
            }
            return out.lines().map(line -> line.trim().split("\\s+")).filter(cells -> cells[0].equals(queue))
                    .mapToLong(cells -> Long.parseLong(cells[1])).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no queue " + queue + " in: " + out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Takes every message a queue holds now. */
    List<Received> drain(String queue) {
        return call(() -> {
            List<Received> received = new ArrayList<>();
            GetResponse response;
            while ((response = channel.basicGet(queue, true)) != null) {
                received.add(new Received(new String(response.getBody(), StandardCharsets.UTF_8),
                        response.getProps()));
            }
            return received;
        });
    }

    /** A new exclusive queue bound to {@code moments.domain-events} with the binding key; answers its name. */
    String listenToDomainEvents(String bindingKey) {
        return call(() -> {
            channel.exchangeDeclare(DOMAIN_EVENTS, "topic", true);
            String queue = channel.queueDeclare().getQueue();
            channel.queueBind(queue, DOMAIN_EVENTS, bindingKey);
            return queue;
        });
    }

    @Override
    public void close() {
        connectionCall(connection::close);
    }

    private interface Closing {
        void close() throws IOException, TimeoutException;
    }

    private static void connectionCall(Closing closing) {
        try {
            closing.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Call<T> {
        T run() throws IOException;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
