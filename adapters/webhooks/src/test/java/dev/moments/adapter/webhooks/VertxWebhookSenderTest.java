package dev.moments.adapter.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.webhook.DeliveryAttempt;
import dev.moments.domain.webhook.WebhookSecret;
import dev.moments.domain.webhook.WebhookSignature;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sender against a real HTTP receiver on this machine. */
class VertxWebhookSenderTest {

    private static final WebhookSecret SECRET = new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");
    private static final OutboxEvent EVENT = new OutboxEvent("evt_1", new PartnerId("ptn_1"), "award.earned",
            Map.of("id", "awd_1", "reserved", "2.50"), Instant.parse("2026-11-25T09:59:59Z"));

    /** What the receiver got: headers of interest and the body. */
    record Received(String host, String id, String timestamp, String signature, String contentType, String body) {
    }

    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile int status = 204;
    private volatile long delayMs;
    private HttpServer receiver;
    private Vertx vertx;

    @BeforeEach
    void start() throws IOException {
        vertx = Vertx.vertx();
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            received.add(new Received(headers.getFirst("Host"), headers.getFirst("webhook-id"),
                    headers.getFirst("webhook-timestamp"), headers.getFirst("webhook-signature"),
                    headers.getFirst("content-type"), body));
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (status == 302) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port() + "/elsewhere");
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        vertx.close();
    }

    @Test
    void aDeliveryIsAPostOfTheEventWithTheStandardWebhooksHeaders_signedOverTheBytesSent() throws Exception {
        VertxWebhookSender sender = sender(true, Duration.ofSeconds(5));

        DeliveryAttempt attempt = sender.send(url("/hooks?x=1"), EVENT, AT, List.of(SECRET)).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);

        assertThat(attempt.succeeded()).isTrue();
        assertThat(attempt.statusCode()).isEqualTo(204);
        assertThat(attempt.at()).isEqualTo(AT);
        Received request = received.poll(5, TimeUnit.SECONDS);
        assertThat(request.id()).isEqualTo("evt_1");
        assertThat(request.timestamp()).isEqualTo(Long.toString(AT.getEpochSecond()));
        assertThat(request.contentType()).isEqualTo("application/json");
        assertThat(request.body()).startsWith("{\"id\":\"evt_1\",\"type\":\"award.earned\","
                + "\"createdAt\":\"2026-11-25T09:59:59Z\",\"data\":{");
        assertThat(request.signature()).isEqualTo(WebhookSignature.sign(SECRET, "evt_1", AT.getEpochSecond(),
                request.body().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aHostResolvingToLoopbackIsRefusedAtConnectTime_whenPrivateTargetsAreNotAllowed() throws Exception {
        // registered while the name pointed elsewhere; now its DNS answer is the loopback address
        AddressGuard guard = new AddressGuard(false, host -> List.of(InetAddress.getLoopbackAddress()));
        VertxWebhookSender sender = new VertxWebhookSender(vertx, guard, Duration.ofSeconds(5), 4);

        DeliveryAttempt attempt = sender.send("http://hooks.partner.example:" + port() + "/in", EVENT, AT,
                List.of(SECRET)).toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(attempt.succeeded()).isFalse();
        assertThat(attempt.statusCode()).isNull();
        assertThat(attempt.error()).contains("loopback");
        assertThat(received).isEmpty();
    }

    @Test
    void theConnectionGoesToTheAddressChecked_withTheUrlsHostKeptInTheHostHeader() throws Exception {
        // the name resolves nowhere but through the guard, whose rule lets this machine stand for a public address:
        // the request arrives only if the sender connects to the address the guard checked
        AddressGuard pinned = new AddressGuard(false, host -> List.of(InetAddress.getLoopbackAddress()),
                address -> null);
        VertxWebhookSender sender = new VertxWebhookSender(vertx, pinned, Duration.ofSeconds(5), 4);

        DeliveryAttempt attempt = sender.send("http://hooks.partner.example:" + port() + "/in", EVENT, AT,
                List.of(SECRET)).toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(attempt.error()).isNull();
        assertThat(received.poll(5, TimeUnit.SECONDS).host()).isEqualTo("hooks.partner.example:" + port());
        assertThat(pinned.allowsPrivateTargets()).isFalse();
    }

    @Test
    void aNon2xxAnswerARedirectAndASlowReceiverAreFailedAttempts_withTheirReason() throws Exception {
        VertxWebhookSender sender = sender(true, Duration.ofMillis(500));

        status = 503;
        DeliveryAttempt unavailable = sender.send(url("/in"), EVENT, AT, List.of(SECRET)).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.error()).isEqualTo("answered HTTP 503");

        status = 302;
        DeliveryAttempt redirected = sender.send(url("/in"), EVENT, AT, List.of(SECRET)).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        assertThat(redirected.statusCode()).isEqualTo(302);
        assertThat(redirected.error()).contains("redirects are not followed");
        received.clear();

        status = 200;
        delayMs = 1_500;
        DeliveryAttempt slow = sender.send(url("/in"), EVENT, AT, List.of(SECRET)).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        assertThat(slow.succeeded()).isFalse();
        assertThat(slow.statusCode()).isNull();
        assertThat(slow.error()).contains("no answer within 500 ms");
        assertThat(slow.durationMs()).isLessThan(1_500);
        assertThat(received.poll(5, TimeUnit.SECONDS).id()).isEqualTo("evt_1");
    }

    @Test
    void aRefusedConnectionIsAFailedAttempt() throws Exception {
        receiver.stop(0);
        DeliveryAttempt refused = sender(true, Duration.ofSeconds(2)).send(url("/in"), EVENT, AT, List.of(SECRET))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(refused.statusCode()).isNull();
        assertThat(refused.error()).isNotBlank();
    }

    @Test
    void duringARotationTheSignatureHeaderCarriesBothSignatures() throws Exception {
        WebhookSecret next = new WebhookSecret("whsec_" + Base64.getEncoder().encodeToString(new byte[32]));
        sender(true, Duration.ofSeconds(5)).send(url("/in"), EVENT, AT, List.of(next, SECRET)).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);

        Received request = received.poll(5, TimeUnit.SECONDS);
        byte[] body = request.body().getBytes(StandardCharsets.UTF_8);
        assertThat(request.signature()).isEqualTo(WebhookSignature.sign(next, "evt_1", AT.getEpochSecond(), body)
                + " " + WebhookSignature.sign(SECRET, "evt_1", AT.getEpochSecond(), body));
        assertThat(sender(false, Duration.ofSeconds(5)).refusal(url("/in"))).isPresent();
        assertThat(URI.create(url("/in")).getHost()).isEqualTo("127.0.0.1");
    }

    private VertxWebhookSender sender(boolean allowPrivate, Duration timeout) {
        return new VertxWebhookSender(vertx, new AddressGuard(allowPrivate, AddressGuard.SYSTEM), timeout, 4);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    private int port() {
        return receiver.getAddress().getPort();
    }
}
