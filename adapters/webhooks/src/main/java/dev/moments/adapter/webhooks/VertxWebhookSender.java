package dev.moments.adapter.webhooks;

import dev.moments.application.port.out.DomainEventOutbox.OutboxEvent;
import dev.moments.application.port.out.WebhookSender;
import dev.moments.domain.webhook.DeliveryAttempt;
import dev.moments.domain.webhook.WebhookSecret;
import dev.moments.domain.webhook.WebhookSignature;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends webhook deliveries with Vert.x's HTTP client, never blocking an event loop: the host is resolved and checked
 * by the {@link AddressGuard} on a worker thread, then the request is made to the checked address (the URL's host kept
 * for the Host header, TLS SNI and certificate checks), without following redirects, and given up when no answer has
 * come within the timeout (5 s by default) from the connection on, the resolution before it not counted. A 2xx is
 * success; anything else is a failed attempt with its reason. The answer's body is read and thrown away as it comes,
 * never held: only its status counts.
 */
public final class VertxWebhookSender implements WebhookSender {

    /** Sent with every delivery. */
    static final String USER_AGENT = "Moments-Webhooks/1";

    private final Vertx vertx;
    private final HttpClient client;
    private final AddressGuard guard;
    private final Duration timeout;

    public VertxWebhookSender(Vertx vertx, AddressGuard guard, Duration timeout, int maxConnectionsPerAddress) {
        this.vertx = vertx;
        this.guard = guard;
        this.timeout = timeout;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setMaxPoolSize(maxConnectionsPerAddress)
                .setForceSni(true)
                .setVerifyHost(true)
                .setTrustAll(false)
                .setMaxRedirects(0));
    }

    @Override
    public Optional<String> refusal(String url) {
        return guard.refusal(URI.create(url));
    }

    @Override
    public CompletionStage<DeliveryAttempt> send(String url, OutboxEvent event, Instant at,
                                                 List<WebhookSecret> secrets) {
        long started = System.nanoTime();
        CompletableFuture<DeliveryAttempt> attempt = new CompletableFuture<>();
        URI uri;
        byte[] body;
        String signature;
        try {
            uri = URI.create(url);
            body = WebhookBodies.of(event);
            signature = WebhookSignature.header(secrets, event.id(), at.getEpochSecond(), body);
        } catch (RuntimeException e) {
            attempt.complete(failed(at, started, "not sent: " + e.getMessage()));
            return attempt;
        }
        vertx.<AddressGuard.Target>executeBlocking(() -> guard.target(uri), false)
                .compose(target -> {
                    if (target instanceof AddressGuard.Target.Refused refused) {
                        return Future.failedFuture(new Refusal(refused.reason()));
                    }
                    return post(uri, target, event.id(), at, signature, body);
                })
                .onComplete(result -> attempt.complete(result.succeeded()
                        ? answered(at, started, result.result())
                        : failed(at, started, reason(result.cause()))));
        return attempt;
    }

    /** Closes the client's connections. */
    public void close() {
        client.close();
    }

    private Future<Integer> post(URI uri, AddressGuard.Target target, String id, Instant at, String signature,
                                 byte[] body) {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setHost(host)
                .setPort(port)
                .setSsl(https)
                .setURI(path)
                .setFollowRedirects(false)
                .setConnectTimeout(timeout.toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", USER_AGENT)
                .putHeader("webhook-id", id)
                .putHeader("webhook-timestamp", Long.toString(at.getEpochSecond()))
                .putHeader("webhook-signature", signature);
        if (target instanceof AddressGuard.Target.Checked checked) {
            options.setServer(SocketAddress.inetSocketAddress(port, checked.address().getHostAddress()));
        }
        Promise<Integer> answered = Promise.promise();
        AtomicBoolean done = new AtomicBoolean();
        long[] request = new long[1];
        HttpClientRequest[] sent = new HttpClientRequest[1];
        long timer = vertx.setTimer(timeout.toMillis(), tick -> {
            if (done.compareAndSet(false, true)) {
                if (sent[0] != null) {
                    sent[0].reset();
                }
                answered.fail(new Refusal("no answer within " + timeout.toMillis() + " ms"));
            }
        });
        request[0] = timer;
        client.request(options)
                .compose(req -> {
                    sent[0] = req;
                    return req.send(Buffer.buffer(body));
                })
                .compose(response -> {
                    response.handler(ignored -> { }); // read to its end, so the connection can serve again
                    return response.end().map(ignored -> response.statusCode());
                })
                .onComplete(result -> {
                    if (done.compareAndSet(false, true)) {
                        vertx.cancelTimer(request[0]);
                        if (result.succeeded()) {
                            answered.complete(result.result());
                        } else {
                            answered.fail(result.cause());
                        }
                    }
                });
        return answered.future();
    }

    private static DeliveryAttempt answered(Instant at, long started, int status) {
        String error = status >= 200 && status < 300 ? null
                : status >= 300 && status < 400 ? "answered HTTP " + status + " (redirects are not followed)"
                : "answered HTTP " + status;
        return new DeliveryAttempt(at, status, elapsedMs(started), error);
    }

    private static DeliveryAttempt failed(Instant at, long started, String reason) {
        return new DeliveryAttempt(at, null, elapsedMs(started), reason);
    }

    private static long elapsedMs(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    private static String reason(Throwable failure) {
        if (failure instanceof Refusal refusal) {
            return refusal.getMessage();
        }
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** A request not made, or given up, for a reason worth logging as it is. */
    private static final class Refusal extends RuntimeException {
        Refusal(String reason) {
            super(reason, null, false, false);
        }
    }
}
