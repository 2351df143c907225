package dev.moments.adapter.fulfillment.http;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reward provider that behaves like a real one behind WireMock: it keeps its orders by idempotency key, so a
 * repeated key answers the order made the first time (200), a new key makes one (201), a key reused with another body
 * is a conflict (409), and {@code GET /orders?externalId=} finds orders. Glitches queued by a test change how the next
 * answers go out — slowly, or as a 500 — after the order was made, like a provider whose answer was lost.
 */
public final class FakeRewardProvider implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "fake-reward-provider";

    /** One order the provider holds. */
    public record StoredOrder(String id, String key, String body, String status, String code) {
    }

    /** How the next answer goes wrong. */
    private record Glitch(int delayMillis, int status) {
    }

    private final Map<String, StoredOrder> ordersByKey = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final Queue<Glitch> glitches = new ConcurrentLinkedQueue<>();
    private final Queue<String> keysReceived = new ConcurrentLinkedQueue<>();
    private volatile String newOrderStatus = "SUBMITTED";
    private volatile String newOrderCode;

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    /** Forgets every order and glitch. */
    public void reset() {
        ordersByKey.clear();
        glitches.clear();
        keysReceived.clear();
        sequence.set(0);
        newOrderStatus = "SUBMITTED";
        newOrderCode = null;
    }

    /** New orders are delivered at once with this code. */
    public void fulfilsAtOnceWithCode(String code) {
        newOrderStatus = "FULFILLED";
        newOrderCode = code;
    }

    /** The next {@code count} answers come {@code delayMillis} late. */
    public void answersSlowly(int count, int delayMillis) {
        for (int i = 0; i < count; i++) {
            glitches.add(new Glitch(delayMillis, 0));
        }
    }

    /** The next {@code count} answers are 500s, although the order is made. */
    public void failsAfterMakingTheOrder(int count) {
        for (int i = 0; i < count; i++) {
            glitches.add(new Glitch(0, 500));
        }
    }

    /** Every order the provider holds. */
    public List<StoredOrder> orders() {
        return new ArrayList<>(ordersByKey.values());
    }

    /** The Idempotency-Key of every order request, in the order they arrived (as soon as they arrived). */
    public List<String> keysReceived() {
        return new ArrayList<>(keysReceived);
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        LoggedRequest request = serveEvent.getRequest();
        ResponseDefinitionBuilder answer = request.getMethod().equals(RequestMethod.POST)
                ? create(request)
                : find(request);
        Glitch glitch = glitches.poll();
        if (glitch != null) {
            if (glitch.delayMillis() > 0) {
                answer.withFixedDelay(glitch.delayMillis());
            }
            if (glitch.status() > 0) {
                answer = json(glitch.status(), "{\"message\": \"internal error\"}");
            }
        }
        return answer.build();
    }

    private ResponseDefinitionBuilder create(LoggedRequest request) {
        String key = request.getHeader("Idempotency-Key");
        keysReceived.add(String.valueOf(key));
        if (key == null || key.isBlank()) {
            return json(400, "{\"message\": \"Idempotency-Key is required\"}");
        }
        String body = request.getBodyAsString();
        boolean[] made = {false};
        StoredOrder order = ordersByKey.computeIfAbsent(key, k -> {
            made[0] = true;
            return new StoredOrder("ord_" + sequence.incrementAndGet(), k, body, newOrderStatus, newOrderCode);
        });
        if (!order.body().equals(body)) {
            return json(409, "{\"message\": \"Idempotency-Key reused with a different body\"}");
        }
        return json(made[0] ? 201 : 200, orderJson(order));
    }

    private ResponseDefinitionBuilder find(LoggedRequest request) {
        QueryParameter externalId = request.queryParameter("externalId");
        List<String> items = new ArrayList<>();
        if (externalId != null && externalId.isPresent()) {
            StoredOrder order = ordersByKey.get(externalId.firstValue());
            if (order != null) {
                items.add(orderJson(order));
            }
        }
        return json(200, "{\"items\": [" + String.join(",", items) + "]}");
    }

    private static String orderJson(StoredOrder order) {
        return "{\"id\": \"" + order.id() + "\", \"status\": \"" + order.status() + "\""
                + (order.code() == null ? "" : ", \"code\": \"" + order.code() + "\"") + "}";
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }
}
