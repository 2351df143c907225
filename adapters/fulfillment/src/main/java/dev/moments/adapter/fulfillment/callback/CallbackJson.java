package dev.moments.adapter.fulfillment.callback;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moments.adapter.fulfillment.http.ProviderJson;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads the provider's status callbacks and writes the answers to them, with a private mapper
 * (docs/fulfillment.md).
 */
final class CallbackJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private CallbackJson() {
    }

    /** A status callback as the provider sends it. */
    record Callback(String orderId, String externalId, FulfillmentStatus status, String code, String reason) {
    }

    /** Reads a callback body, or explains in one sentence why it is not one. */
    static Callback callback(byte[] body) throws InvalidCallbackException {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new InvalidCallbackException("the body is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidCallbackException("the body is not a JSON object");
        }
        String externalId = ProviderJson.text(node, "externalId");
        if (externalId == null) {
            throw new InvalidCallbackException("externalId (the award id) is required");
        }
        String status = upper(ProviderJson.text(node, "status"));
        if (status == null) {
            throw new InvalidCallbackException("status is required");
        }
        FulfillmentStatus parsed = switch (status) {
            case "SUBMITTED" -> FulfillmentStatus.SUBMITTED;
            case "FULFILLED" -> FulfillmentStatus.FULFILLED;
            case "FAILED" -> FulfillmentStatus.FAILED;
            case "CANCELLED", "CANCELED" -> FulfillmentStatus.CANCELLED;
            default -> throw new InvalidCallbackException(
                    "status must be one of SUBMITTED, FULFILLED, FAILED, CANCELLED");
        };
        return new Callback(ProviderJson.text(node, "orderId"), externalId, parsed, ProviderJson.text(node, "code"),
                ProviderJson.text(node, "reason"));
    }

    /** A callback body that cannot be understood; answered 400. */
    static final class InvalidCallbackException extends Exception {

        InvalidCallbackException(String message) {
            super(message);
        }
    }

    /** A small RFC 9457 problem document. */
    static String problem(int status, String code, String title, String detail) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("type", "/problems/" + code);
        node.put("title", title);
        node.put("status", status);
        node.put("detail", detail);
        return node.toString();
    }

    /** The answer to an accepted callback. */
    static String accepted(String result) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("result", result);
        return node.toString();
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }
}
