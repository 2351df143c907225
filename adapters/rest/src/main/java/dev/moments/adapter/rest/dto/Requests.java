package dev.moments.adapter.rest.dto;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON bodies partners and operators send, exactly as API.md names their fields. */
public final class Requests {

    private Requests() {
    }

    /** {@code POST /admin/v1/partners}. */
    public record CreatePartner(String name, String currency,
                                @Schema(description = "optional spending cap per UTC calendar month across all the"
                                        + " partner's moments, a decimal string in its currency", nullable = true,
                                        example = "2000.00") String monthlyCap) {
    }

    /**
     * {@code PATCH /admin/v1/partners/{id}}: {@code monthlyCap} is required, a decimal string, or {@code null} to
     * remove the cap. A class rather than a record, to tell an explicit {@code null} from a missing field.
     */
    @Schema(name = "UpdatePartner", required = true)
    public static final class UpdatePartner {

        private String monthlyCap;
        @Schema(hidden = true)
        private boolean monthlyCapGiven;

        @Schema(description = "the spending cap per UTC calendar month across all the partner's moments, a decimal"
                + " string in its currency; null removes it", nullable = true, required = true, example = "1500.00")
        public String getMonthlyCap() {
            return monthlyCap;
        }

        @JsonSetter("monthlyCap")
        public void setMonthlyCap(String monthlyCap) {
            this.monthlyCap = monthlyCap;
            this.monthlyCapGiven = true;
        }

        /** Whether the body named {@code monthlyCap} at all (with a value or {@code null}). */
        @JsonIgnore
        @Schema(hidden = true)
        public boolean isMonthlyCapGiven() {
            return monthlyCapGiven;
        }
    }

    /** {@code POST /v1/rewards}. */
    public record CreateReward(String name, String kind, String cost, String currency, List<String> countries,
                               Fulfillment fulfillment, String description, String imageUrl) {
    }

    /** Who delivers a reward. */
    public record Fulfillment(String provider) {
    }

    /** {@code POST /v1/rewards/{id}/codes}. */
    public record AddCodes(List<String> codes) {
    }

    /** {@code POST /api/redeem/{token}/claim}; {@code shipping} only for a physical reward. */
    public record Claim(String rewardId, Shipping shipping, String email) {
    }

    /** Where a physical reward goes; {@code line2} and {@code region} are optional. */
    public record Shipping(String name, String line1, String line2, String city, String region, String postalCode,
                           String country) {
    }

    /** {@code POST /v1/awards/{id}/fulfillment}: the partner's word on a {@code webhook} delivery. */
    public record FulfillmentReport(String status, String reason, String code, String reference) {
    }

    /** {@code POST /v1/moments}. */
    public record CreateMoment(String name, Trigger trigger, Audience audience, Schedule schedule, Budget budget,
                               List<String> rewards, Limits limits, Integer holdoutPercent, Messages messages) {
    }

    /**
     * {@code PATCH /v1/moments/{id}}: a JSON merge patch (RFC 7396) of the creation body. A field left out stays as it
     * is, {@code null} sets an optional field back to its default (a required one is refused), an object merges field
     * by field into the current one, a list replaces it; a trigger replaces the trigger whole. Read once as this
     * record, so a value of the wrong JSON type is refused as {@code POST /v1/moments} refuses it.
     */
    @Schema(name = "EditMoment", description = "A JSON merge patch (RFC 7396) of a DRAFT or PAUSED moment: fields left"
            + " out stay as they are, null sets an optional field back to its default, objects merge field by field,"
            + " lists and the trigger are replaced whole. The budget's total changes only through a top-up.")
    public record EditMoment(String name, Trigger trigger, Audience audience, Schedule schedule, BudgetEdit budget,
                             List<String> rewards, Limits limits, Integer holdoutPercent, Messages messages) {
    }

    /** What an edit may say of a moment's budget: its price per action and daily cap; the currency stays. */
    @Schema(description = "The price per action and the daily cap (null removes it); the total changes only through"
            + " POST /v1/moments/{id}/budget/top-up, and the currency, if given, must be the budget's own")
    public record BudgetEdit(String currency, String dailyCap, String costPerAction) {
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
