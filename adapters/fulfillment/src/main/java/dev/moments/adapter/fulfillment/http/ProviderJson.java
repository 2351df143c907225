package dev.moments.adapter.fulfillment.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moments.application.port.out.FulfillmentGateway.Order;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import dev.moments.domain.redemption.ShippingAddress;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes and reads the JSON of the provider protocol (docs/fulfillment.md) with a private mapper, so the bodies do
 * not depend on how the application configures Jackson for its own API.
 */
public final class ProviderJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** The longest provider text kept in a reason. */
    static final int MAX_TEXT = 500;

    private ProviderJson() {
    }

    /** One order as the provider receives it: the same order always gives the same body, whatever the attempt. */
    static String orderBody(Order order) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("externalId", order.awardId().value());
        ObjectNode reward = root.putObject("reward");
        reward.put("id", order.rewardId().value());
        if (order.rewardName() != null) {
            reward.put("name", order.rewardName());
        }
        reward.put("kind", order.kind().name());
        root.put("amount", order.cost().amount().toPlainString());
        root.put("currency", order.cost().currency().getCurrencyCode());
        ObjectNode recipient = root.putObject("recipient");
        recipient.put("userId", order.userId());
        if (order.email() != null) {
            recipient.put("email", order.email());
        }
        ShippingAddress shipping = order.shipping();
        if (shipping != null) {
            ObjectNode address = recipient.putObject("shipping");
            address.put("name", shipping.name());
            address.put("line1", shipping.line1());
            putIfPresent(address, "line2", shipping.line2());
            address.put("city", shipping.city());
            putIfPresent(address, "region", shipping.region());
            address.put("postalCode", shipping.postalCode());
            address.put("country", shipping.country());
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an order could not be written as JSON", e);
        }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** An order as the provider describes it; every field may be missing from a sloppy answer. */
    record ProviderOrder(String id, String status, String code, String reason) {
    }

    /** Reads one order object ({@code {"id", "status", "code"?, "reason"?}}); empty if the text is not one. */
    static Optional<ProviderOrder> order(String text) {
        return tree(text).filter(JsonNode::isObject).map(ProviderJson::order);
    }

    /** Reads the first order of a lookup answer: {@code {"items": [order, …]}}, a bare array, or one order object. */
    static Optional<ProviderOrder> firstOrder(String text) {
        Optional<JsonNode> root = tree(text);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        JsonNode node = root.get();
        JsonNode items = node.isArray() ? node : node.get("items");
        if (items != null && items.isArray()) {
            return items.size() == 0 || !items.get(0).isObject() ? Optional.empty() : Optional.of(order(items.get(0)));
        }
        return node.isObject() && node.hasNonNull("id") ? Optional.of(order(node)) : Optional.empty();
    }

    private static ProviderOrder order(JsonNode node) {
        return new ProviderOrder(text(node, "id"), upper(text(node, "status")), text(node, "code"),
                text(node, "reason"));
    }

    /**
     * The provider's own words from an error answer: {@code message}, {@code error.message}, {@code error} (a
     * string), {@code errors[0].message}, {@code detail} or {@code title}, else the raw text — shortened.
     */
    static String errorMessage(String text) {
        Optional<JsonNode> root = tree(text).filter(JsonNode::isObject);
        if (root.isPresent()) {
            JsonNode node = root.get();
            JsonNode error = node.get("error");
            JsonNode errors = node.get("errors");
            String message = firstNonBlank(
                    text(node, "message"),
                    error != null && error.isObject() ? text(error, "message") : text(node, "error"),
                    errors != null && errors.isArray() && errors.size() > 0 && errors.get(0).isObject()
                            ? text(errors.get(0), "message") : null,
                    text(node, "detail"),
                    text(node, "title"));
            if (message != null) {
                return shorten(message);
            }
        }
        return text == null || text.isBlank() ? "no message" : shorten(text.strip());
    }

    /** A provider text cut to {@link #MAX_TEXT} characters. */
    public static String shorten(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }

    private static Optional<JsonNode> tree(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(MAPPER.readTree(text));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A field's text, stripped; {@code null} if absent, blank, null or not a scalar. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text.strip();
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
