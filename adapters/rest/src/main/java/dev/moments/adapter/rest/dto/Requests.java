package dev.moments.adapter.rest.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON bodies partners and operators send, exactly as API.md names their fields. */
public final class Requests {

    private Requests() {
    }

    /** {@code POST /admin/v1/partners}. */
    public record CreatePartner(String name, String currency) {
    }

    /** {@code POST /v1/rewards}. */
    public record CreateReward(String name, String kind, String cost, String currency, List<String> countries,
                               Fulfillment fulfillment, String description, String imageUrl) {
    }

    /** Who delivers a reward. */
    public record Fulfillment(String provider) {
    }

    /** {@code POST /v1/moments}. */
    public record CreateMoment(String name, Trigger trigger, Audience audience, Schedule schedule, Budget budget,
                               List<String> rewards, Limits limits, Integer holdoutPercent, Messages messages) {
    }

    /** A trigger definition; {@code kind} decides which other fields apply (see API.md). */
    public record Trigger(String kind, String event, String where, BigDecimal atLeast, Duration within, String field,
                          Boolean consecutive, List<Step> steps, List<Trigger> of) {
    }

    /** One step of a sequence. */
    public record Step(String event, String where) {
    }

    /** {@code POST /v1/moments/{id}/awards} and its preview. */
    public record DirectAward(String userId, String deviceId, Context context) {
    }

    /** Who may earn a moment. */
    public record Audience(List<String> countries, List<String> platforms, List<String> segments, String where) {
    }

    /** When a moment counts events. */
    public record Schedule(Instant startsAt, Instant endsAt, String timezone) {
    }

    /** A moment's money, as decimal strings. */
    public record Budget(String currency, String total, String dailyCap, String costPerAction) {
    }

    /** A moment's limits, durations in ISO-8601. */
    public record Limits(Integer perUser, Integer perDevice, Duration cooldown, Duration redeemAfter,
                         Duration claimWithin) {
    }

    /** What the user is told. */
    public record Messages(String announcement, String confirmation) {
    }

    /** {@code POST /v1/moments/{id}/budget/top-up}. */
    public record TopUp(String amount) {
    }

    /** {@code POST /v1/events}. */
    public record Event(String id, String type, String userId, String deviceId, Instant occurredAt,
                        Map<String, JsonNode> properties, Context context, Map<String, JsonNode> user) {
    }

    /** Where an event happened. */
    public record Context(String country, String platform, String ip, Boolean testUser) {
    }

    /** {@code POST /v1/events/batch}: each event is read on its own so one bad event fails alone. */
    public record EventBatch(List<JsonNode> events) {
    }
}
