package dev.moments.adapter.fulfillment.http;

import dev.moments.adapter.fulfillment.http.ProviderJson.ProviderOrder;
import dev.moments.application.port.out.FulfillmentGateway;
import dev.moments.domain.reward.FulfillmentProvider;
import io.smallrye.faulttolerance.api.TypedGuard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The {@code http} provider: places each claimed reward as an order with the configured external reward provider
 * (protocol in docs/fulfillment.md). The award id is the order's {@code Idempotency-Key}, so however often an award is
 * submitted — retries after a timeout, a job on another instance — the provider holds one order for it. Every request
 * runs under SmallRye Fault Tolerance: a timeout per attempt, immediate retries with exponential backoff and jitter for
 * failures that may pass, and a circuit breaker that stops calling a provider that keeps failing. Nothing is thrown:
 * every failure is answered as a {@link Submission}.
 *
 * <p>A claim only accepts the order ({@link #accept}: PENDING); the application submits it after the claim committed,
 * on a background thread, and again from its retry job while it may pass, so no user waits for the provider.
 */
@ApplicationScoped
public class HttpRewardProvider implements FulfillmentGateway {

    /** The reason given for every order while no provider URL is configured. */
    public static final String NOT_CONFIGURED = "no http provider configured";

    /** The name of the circuit breaker in front of the provider (for metrics and maintenance). */
    public static final String CIRCUIT_BREAKER = "reward-provider";

    static final String URL_KEY = "quarkus.rest-client.reward-provider.url";
    static final String URI_KEY = "quarkus.rest-client.reward-provider.uri";

    private static final int CIRCUIT_VOLUME = 10;
    private static final double CIRCUIT_FAILURE_RATIO = 0.5;
    private static final long CIRCUIT_DELAY_SECONDS = 10;
    private static final long MAX_RETRY_DELAY_SECONDS = 5;

    private static final Logger LOG = Logger.getLogger(HttpRewardProvider.class);

    private final RewardProviderClient client;
    private final HttpProviderConfig config;
    private final String unavailable;
    private final TypedGuard<Submission> guard;

    /**
     * The REST client is looked up only when a base URL is configured: Quarkus builds it as soon as it is resolved,
     * and refuses to build one without a URL (or with a malformed one).
     */
    @Inject
    public HttpRewardProvider(@RestClient Instance<RewardProviderClient> client, HttpProviderConfig config,
                              Config mpConfig) {
        this.config = config;
        Optional<String> baseUrl = mpConfig.getOptionalValue(URL_KEY, String.class)
                .or(() -> mpConfig.getOptionalValue(URI_KEY, String.class))
                .filter(url -> !url.isBlank());
        RewardProviderClient resolved = null;
        String unavailable = null;
        if (baseUrl.isEmpty()) {
            unavailable = NOT_CONFIGURED;
            LOG.info("No http reward provider configured (" + URL_KEY + "); rewards with provider http will fail");
        } else {
            try {
                resolved = client.get();
            } catch (RuntimeException e) {
                unavailable = "the http provider is misconfigured: " + ProviderJson.shorten(String.valueOf(
                        e.getMessage()));
                LOG.error("The http reward provider cannot be used: " + unavailable);
            }
        }
        this.client = resolved;
        this.unavailable = unavailable;
        this.guard = resolved == null ? null : guard(config);
    }

    private static TypedGuard<Submission> guard(HttpProviderConfig config) {
        long timeout = Math.max(1, config.timeout().toMillis());
        long delay = Math.max(0, config.retryDelay().toMillis());
        List<Class<? extends Throwable>> transientFailures =
                List.of(ProviderUnavailableException.class, TimeoutException.class);
        return TypedGuard.create(Submission.class)
                .withDescription("http reward provider")
                // the order of the strategies is fixed: retry around circuit breaker around timeout, so every attempt
                // has its own timeout and is counted by the circuit breaker
                .withTimeout().duration(timeout, ChronoUnit.MILLIS).done()
                .withRetry()
                    .maxRetries(Math.max(0, config.maxRetries()))
                    .delay(delay, ChronoUnit.MILLIS)
                    .jitter(delay / 2, ChronoUnit.MILLIS)
                    .retryOn(transientFailures)
                    .withExponentialBackoff().factor(2).maxDelay(MAX_RETRY_DELAY_SECONDS, ChronoUnit.SECONDS).done()
                    .done()
                .withCircuitBreaker()
                    .name(CIRCUIT_BREAKER)
                    .requestVolumeThreshold(CIRCUIT_VOLUME)
                    .failureRatio(CIRCUIT_FAILURE_RATIO)
                    .delay(CIRCUIT_DELAY_SECONDS, ChronoUnit.SECONDS)
                    .successThreshold(1)
                    .done()
                .build();
    }

    @Override
    public FulfillmentProvider provider() {
        return FulfillmentProvider.HTTP;
    }

    /** Nothing to do in the claim's transaction: the order is placed after the commit, by {@link #submit}. */
    @Override
    public Acceptance accept(Order order, Instant at) {
        return Acceptance.pending();
    }

    @Override
    public Submission submit(Order order) {
        String award = order.awardId().value();
        if (unavailable != null) {
            return Submission.permanent(unavailable);
        }
        Submission submission;
        try {
            String body = ProviderJson.orderBody(order);
            submission = guard.call(() -> placeOnce(award, body));
        } catch (CircuitBreakerOpenException e) {
            submission = Submission.retryable("the http provider is failing; not called while its circuit is open");
        } catch (TimeoutException e) {
            submission = Submission.retryable("the http provider did not answer within " + human(config.timeout()));
        } catch (ProviderUnavailableException e) {
            submission = Submission.retryable(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            submission = Submission.retryable("interrupted while waiting for the http provider");
        } catch (Exception e) {
            LOG.warnf("Unexpected failure submitting award %s to the http provider: %s", award, e.toString());
            submission = Submission.retryable("unexpected failure calling the http provider: "
                    + e.getClass().getSimpleName());
        }
        log(order, submission);
        return submission;
    }

    /** One attempt: create the order, or recover the existing one after a conflict on its key. */
    private Submission placeOnce(String award, String body) {
        try (Response response = call(() -> client.createOrder(authorization(), award, body))) {
            int status = response.getStatus();
            String text = read(response);
            if (status >= 200 && status < 300) {
                return answer(ProviderJson.order(text).orElse(new ProviderOrder(null, null, null, null)));
            }
            if (status == 409) {
                return recoverConflict(award);
            }
            if (isTransient(status)) {
                throw new ProviderUnavailableException("the http provider answered " + status + ": "
                        + ProviderJson.errorMessage(text));
            }
            return Submission.permanent("the http provider refused the order (" + status + "): "
                    + ProviderJson.errorMessage(text));
        }
    }

    /**
     * The key was used before with another body (or the first request is still being processed): the order made under
     * it is the award's order, whatever it holds, so it is looked up and adopted instead of making another.
     */
    private Submission recoverConflict(String award) {
        try (Response response = call(() -> client.findOrders(authorization(), award))) {
            int status = response.getStatus();
            String text = read(response);
            if (status >= 200 && status < 300) {
                return ProviderJson.firstOrder(text)
                        .map(HttpRewardProvider::answer)
                        .orElseThrow(() -> new ProviderUnavailableException(
                                "the http provider reported a conflict on the idempotency key but has no order for it"
                                        + " yet"));
            }
            throw new ProviderUnavailableException("the http provider reported a conflict on the idempotency key and"
                    + " its order could not be looked up (" + status + "): " + ProviderJson.errorMessage(text));
        }
    }

    /** The outcome told by an order the provider holds. */
    private static Submission answer(ProviderOrder order) {
        String status = order.status() == null ? "SUBMITTED" : order.status();
        return switch (status) {
            case "FULFILLED" -> Submission.fulfilled(order.id(), order.code());
            case "FAILED" -> Submission.permanent("the http provider's order " + order.id() + " failed"
                    + (order.reason() == null ? "" : ": " + ProviderJson.shorten(order.reason())));
            case "CANCELLED", "CANCELED" -> Submission.permanent("the http provider's order " + order.id()
                    + " was cancelled" + (order.reason() == null ? "" : ": " + ProviderJson.shorten(order.reason())));
            // SUBMITTED, PENDING or anything newer: the provider has the order and will call back
            default -> Submission.submitted(order.id());
        };
    }

    /** 5xx, request timeout, rate limit, and our credentials refused: nothing about this order, so it may pass. */
    private static boolean isTransient(int status) {
        return status >= 500 || status == 408 || status == 429 || status == 401 || status == 403;
    }

    /** Calls the client; an HTTP error status is an answer (not an exception), an I/O failure is transient. */
    private static Response call(Supplier<Response> request) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            return e.getResponse();
        } catch (ProcessingException e) {
            throw new ProviderUnavailableException("the http provider could not be reached: " + rootCause(e));
        }
    }

    private static String read(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(String.class) : "";
        } catch (RuntimeException e) {
            return "";
        }
    }

    private String authorization() {
        return config.apiKey().filter(key -> !key.isBlank()).map(key -> "Bearer " + key).orElse(null);
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : " (" + ProviderJson.shorten(message) + ")");
    }

    private static String human(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** Award, attempt, outcome, order id and reason; never the body (personal data) nor a code. */
    private static void log(Order order, Submission submission) {
        switch (submission.outcome()) {
            case SUBMITTED, FULFILLED -> LOG.infof("Award %s (attempt %d) %s by the http provider as order %s",
                    order.awardId(), order.attempt(), submission.outcome(), submission.reference());
            case RETRYABLE_FAILURE, PERMANENT_FAILURE -> LOG.warnf("Award %s (attempt %d) not placed with the http"
                    + " provider, %s: %s", order.awardId(), order.attempt(), submission.outcome(), submission.reason());
        }
    }
}
