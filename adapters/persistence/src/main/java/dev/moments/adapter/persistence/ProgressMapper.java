package dev.moments.adapter.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moments.domain.trigger.NodeState;
import dev.moments.domain.trigger.Observation;
import dev.moments.domain.trigger.ProgressState;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads the {@code state} of users' progress rows. The state is read and written once per event per
 * moment, so its JSON is compact: one-letter names, and every part at its default value left out.
 *
 * <pre>
 * ProgressState  {"n": newest, "f": floor, "c": completions, "l": lateIgnored, "r": root NodeState}
 * NodeState      {"x": true when complete, "c": count, "s": sum, "o": [Observation…], "d": [day…], "k": [NodeState…]}
 * Observation    {"t": at, "a": amount, "s": steps}
 * </pre>
 *
 * Instants are microseconds since the epoch (a JSON number; an instant finer than a microsecond, or too far out for a
 * long, is an ISO-8601 string instead), decimals exact strings ({@code "12.50"}), days ISO dates
 * ({@code "2026-11-25"}). A sum is left out only when it is exactly {@code 0} (scale 0), the value it is read back as.
 * Every state round-trips to an equal record.
 */
final class ProgressMapper {

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private ProgressMapper() {
    }

    static String stateJson(ProgressState state) {
        ObjectNode json = Json.object();
        putInstant(json, "n", state.newest());
        putInstant(json, "f", state.floor());
        if (state.completions() != 0) {
            json.put("c", state.completions());
        }
        if (state.lateIgnored() != 0) {
            json.put("l", state.lateIgnored());
        }
        json.set("r", nodeJson(state.root()));
        return Json.write(json);
    }

    static ProgressState state(String text) {
        JsonNode json = Json.read(text);
        JsonNode root = json.get("r");
        if (root == null || !root.isObject()) {
            throw new IllegalStateException("the database holds a progress state without its root: " + text);
        }
        return new ProgressState(instant(json.get("n")), instant(json.get("f")), node(root),
                json.path("c").asInt(0), json.path("l").asInt(0));
    }

    /** A node's state alone, as it stands under {@code "r"} of a whole state. */
    static String nodeText(NodeState node) {
        return Json.write(nodeJson(node));
    }

    private static ObjectNode nodeJson(NodeState node) {
        ObjectNode json = Json.object();
        if (node.complete()) {
            json.put("x", true);
        }
        if (node.count() != 0) {
            json.put("c", node.count());
        }
        if (!BigDecimal.ZERO.equals(node.sum())) {
            json.put("s", Json.decimal(node.sum()));
        }
        if (!node.observations().isEmpty()) {
            ArrayNode observations = json.putArray("o");
            for (Observation observation : node.observations()) {
                ObjectNode item = observations.addObject();
                putInstant(item, "t", observation.at());
                if (observation.amount() != null) {
                    item.put("a", Json.decimal(observation.amount()));
                }
                if (observation.steps() != 0) {
                    item.put("s", observation.steps());
                }
            }
        }
        if (!node.days().isEmpty()) {
            ArrayNode days = json.putArray("d");
            node.days().forEach(day -> days.add(day.toString()));
        }
        if (!node.children().isEmpty()) {
            ArrayNode children = json.putArray("k");
            node.children().forEach(child -> children.add(nodeJson(child)));
        }
        return json;
    }

    private static NodeState node(JsonNode json) {
        List<Observation> observations = new ArrayList<>();
        for (JsonNode item : json.path("o")) {
            observations.add(new Observation(instant(item.get("t")), Json.decimal(item, "a"), item.path("s").asInt(0)));
        }
        List<LocalDate> days = new ArrayList<>();
        for (JsonNode day : json.path("d")) {
            days.add(LocalDate.parse(day.asText()));
        }
        List<NodeState> children = new ArrayList<>();
        for (JsonNode child : json.path("k")) {
            children.add(node(child));
        }
        BigDecimal sum = Json.decimal(json, "s");
        return new NodeState(json.path("x").asBoolean(false), json.path("c").asLong(0),
                sum == null ? BigDecimal.ZERO : sum, observations, days, children);
    }

    private static void putInstant(ObjectNode json, String field, Instant instant) {
        if (instant == null) {
            return;
        }
        if (instant.getNano() % 1_000 == 0) {
            try {
                json.put(field, Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND),
                        instant.getNano() / 1_000));
                return;
            } catch (ArithmeticException tooFarOut) {
                // written as text below
            }
        }
        json.put(field, instant.toString());
    }

    private static Instant instant(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            return Instant.parse(value.textValue());
        }
        long micros = value.longValue();
        return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
                Math.floorMod(micros, MICROS_PER_SECOND) * 1_000);
    }
}
