package dev.moments.adapter.rest.json;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.moments.application.port.in.RecordEventCommand;
import dev.moments.domain.event.EventContext;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.reward.Reward;
import dev.moments.domain.shared.Countries;
import dev.moments.domain.shared.WebAddress;
import dev.moments.domain.trigger.Match;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON bodies partners and operators send, exactly as docs/api.md names their fields. */
public final class Requests {

    /** What the properties and user blocks of one event may hold together (see docs/limits.md). */
    static final String PAYLOAD = "properties and user together: at most 1,000 values, nested at most 8 deep, keys of"
            + " at most 128 characters, strings of at most 8,192, 65,536 characters of text in all";

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
    public record CreateReward(@Schema(maxLength = Reward.MAX_NAME_LENGTH) String name, String kind,
                               @Schema(description = "a decimal string in the partner's currency", example = "5.00")
                               String cost, String currency,
                               @Schema(maxItems = Countries.MAX_COUNTRIES) List<String> countries,
                               Fulfillment fulfillment,
                               @Schema(maxLength = Reward.MAX_DESCRIPTION_LENGTH) String description,
                               @Schema(maxLength = WebAddress.MAX_LENGTH, format = "uri",
                                       description = "an absolute http(s) URL") String imageUrl) {
    }

    /** Who delivers a reward. */
    public record Fulfillment(String provider) {
    }

    /** {@code POST /v1/rewards/{id}/codes}. */
    public record AddCodes(@Schema(maxItems = 10_000, description = "each 1 to 200 printable characters")
                           List<String> codes) {
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
    public record CreateMoment(@Schema(maxLength = Moment.MAX_NAME_LENGTH) String name, Trigger trigger,
                               Audience audience, Schedule schedule, Budget budget,
                               @Schema(maxItems = Moment.MAX_REWARDS) List<String> rewards, Limits limits,
                               Integer holdoutPercent, Messages messages, Outcomes outcomes,
                               String expectedValuePerAction,
                               @Schema(description = "referral moments: also award the referred user, at the same"
                                       + " price", defaultValue = "false") Boolean rewardReferee,
                               @Schema(maxItems = Moment.MAX_VARIANTS, description = "2 to 10 variants tested"
                                       + " against each other, or none") List<Variant> variants,
                               @Schema(nullable = true, description = "completions paid more than above wait for"
                                       + " the partner's review") Review review) {
    }

    /** A moment's review rule. */
    public record Review(@Schema(description = "a decimal in the budget's currency, from 0", example = "25.00")
                         String above,
                         @Schema(description = "how long a held award waits for a decision before it is rejected;"
                                 + " at most a year", defaultValue = "P30D") Duration autoRejectAfter) {
    }

    /** One variant of a moment: its share of the treatment users, its price and its rewards. */
    public record Variant(@Schema(maxLength = dev.moments.domain.moment.Variant.MAX_NAME_LENGTH) String name,
                         @Schema(minimum = "1", maximum = "1000") Integer weight,
                         @Schema(description = "a decimal in the budget's currency; the budget's when left out")
                         String costPerAction,
                         @Schema(maxItems = Moment.MAX_REWARDS, description = "the moment's when left out")
                         List<String> rewards) {
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
                             List<String> rewards, Limits limits, Integer holdoutPercent, Messages messages,
                             Outcomes outcomes, String expectedValuePerAction, Boolean rewardReferee,
                             List<Variant> variants, Review review) {
    }

    /** What an edit may say of a moment's budget: its price per action and daily cap; the currency stays. */
    @Schema(description = "The price per action and the daily cap (null removes it); the total changes only through"
            + " POST /v1/moments/{id}/budget/top-up, and the currency, if given, must be the budget's own")
    public record BudgetEdit(String currency, String dailyCap, String costPerAction) {
    }

    /** A trigger definition; {@code kind} decides which other fields apply (see docs/api.md). */
    public record Trigger(String kind, @Schema(maxLength = Match.MAX_EVENT_TYPE_LENGTH) String event,
                          @Schema(maxLength = 1_000, description = "a CEL condition over event and user; at most 2"
                                  + " nested comprehensions") String where,
                          BigDecimal atLeast, Duration within,
                          @Schema(maxLength = Match.MAX_EVENT_TYPE_LENGTH) String field, Boolean consecutive,
                          @Schema(maxItems = dev.moments.domain.trigger.Trigger.MAX_PARTS) List<Step> steps,
                          @Schema(oneOf = {Trigger[].class, Trigger.class}, description = "all/any: a list of"
                                  + " sub-triggers, which nest at most 4 levels and hold at most 50 event conditions"
                                  + " in all; referral: the one trigger the referred user completes")
                          @JsonDeserialize(using = TriggerParts.class) Parts of) {
    }

    /**
     * A trigger's {@code of} as it came: a list (all/any), or one trigger object ({@code single}: referral).
     *
     * @param triggers the sub-triggers, in order; one when {@code single}
     */
    @Schema(hidden = true)
    public record Parts(List<Trigger> triggers, boolean single) {
    }

    /** One step of a sequence. */
    public record Step(String event, String where) {
    }

    /** {@code POST /v1/moments/{id}/awards} and its preview. */
    public record DirectAward(String userId, String deviceId, Context context) {
    }

    /** Who may earn a moment. */
    public record Audience(@Schema(maxItems = Countries.MAX_COUNTRIES) List<String> countries,
                           @Schema(maxItems = dev.moments.domain.moment.Audience.MAX_PLATFORMS,
                                   description = "each at most 32 characters") List<String> platforms,
                           @Schema(maxItems = dev.moments.domain.moment.Audience.MAX_SEGMENTS,
                                   description = "each at most 100 characters") List<String> segments,
                           @Schema(maxLength = 1_000) String where) {
    }

    /** When a moment counts events. */
    public record Schedule(Instant startsAt, Instant endsAt, String timezone) {
    }

    /** A moment's money, as decimal strings. */
    public record Budget(String currency, String total, String dailyCap, String costPerAction) {
    }

    /** A moment's limits, durations in ISO-8601. */
    public record Limits(Integer perUser, Integer perDevice, Duration cooldown, Duration redeemAfter,
                         Duration claimWithin,
                         @Schema(description = "at most max awards earned from one client address (context.ip)"
                                 + " within a window") PerIp perIp,
                         @Schema(description = "the least age of the user's account (the user attribute createdAt)"
                                 + " at the completion; a user of unknown age is refused") Duration minAccountAge) {
    }

    /** {@code limits.perIp}: at most {@code max} awards from one client address within {@code within}. */
    public record PerIp(@Schema(minimum = "1", maximum = "10000") Integer max, Duration within) {
    }

    /** What the user is told. */
    public record Messages(@Schema(maxLength = dev.moments.domain.moment.Messages.MAX_LENGTH) String announcement,
                           @Schema(maxLength = dev.moments.domain.moment.Messages.MAX_LENGTH) String confirmation,
                           @Schema(nullable = true, description = "e-mailed to a user with an email attribute when"
                                   + " an award is earned") Email email) {
    }

    /** The award e-mail: placeholders {{redeemUrl}}, {{reward}} and {{expiresAt}}; any other is refused. */
    public record Email(@Schema(maxLength = dev.moments.domain.moment.EmailMessage.MAX_SUBJECT_LENGTH,
            example = "You earned {{reward}}") String subject,
                        @Schema(maxLength = dev.moments.domain.moment.EmailMessage.MAX_BODY_LENGTH,
                                example = "Pick your reward: {{redeemUrl}} (until {{expiresAt}})") String body) {
    }

    /** What the report follows beside the trigger: the revenue of the user's events after the reach. */
    public record Outcomes(Revenue revenue) {
    }

    /** The revenue of events of some types: {@code value} is a CEL expression giving a number, e.g. event.total. */
    public record Revenue(@Schema(maxItems = dev.moments.domain.moment.Outcomes.Revenue.MAX_EVENT_TYPES)
                          List<String> events,
                          @Schema(maxLength = dev.moments.domain.moment.Outcomes.Revenue.MAX_VALUE_LENGTH)
                          String value) {
    }

    /** {@code POST /v1/moments/{id}/budget/top-up}. */
    public record TopUp(String amount) {
    }

    /** {@code POST /v1/events}. */
    public record Event(@Schema(maxLength = RecordEventCommand.MAX_ID_LENGTH) String id,
                        @Schema(maxLength = RecordEventCommand.MAX_ID_LENGTH) String type,
                        @Schema(maxLength = RecordEventCommand.MAX_ID_LENGTH) String userId,
                        @Schema(maxLength = RecordEventCommand.MAX_ID_LENGTH) String deviceId, Instant occurredAt,
                        @Schema(maxProperties = RecordEventCommand.MAX_PROPERTIES, description = PAYLOAD)
                        @JsonDeserialize(using = PlainJson.Payload.class) Map<String, Object> properties,
                        Context context,
                        @Schema(maxProperties = RecordEventCommand.MAX_PROPERTIES, description = PAYLOAD)
                        @JsonDeserialize(using = PlainJson.Payload.class) Map<String, Object> user,
                        @JsonProperty("notify") Notify notifications) {
    }

    /** How the user may be told of the awards an event completes: {@code email: false} sends no e-mail. */
    public record Notify(@Schema(description = "false: no e-mail for the awards this event completes",
            defaultValue = "true") Boolean email) {
    }

    /** Where an event happened. */
    public record Context(@Schema(pattern = "^[A-Z]{2}$") String country,
                          @Schema(maxLength = dev.moments.domain.moment.Audience.MAX_PLATFORM_LENGTH) String platform,
                          @Schema(maxLength = EventContext.MAX_IP_LENGTH, description = "an IPv4 or IPv6 address")
                          String ip, Boolean testUser) {
    }

    /** {@code POST /v1/events/batch}: each event is read on its own so one bad event fails alone. */
    public record EventBatch(@Schema(maxItems = 1_000, description = "the events, each as the body of POST"
            + " /v1/events; at most 250,000 values in all", implementation = Event[].class)
                             @JsonDeserialize(using = BatchEvents.class)
                             List<Object> events) {
    }

    /** {@code POST /v1/point-rules}. */
    public record CreatePointRule(
            @Schema(maxLength = dev.moments.domain.points.PointRule.MAX_NAME_LENGTH, example = "Daily login")
            String name,
            @Schema(maxLength = dev.moments.domain.points.PointRule.MAX_EVENT_LENGTH, example = "app.opened")
            String event,
            @Schema(nullable = true, description = "a CEL condition over event and user, as a trigger's",
                    maxLength = dev.moments.domain.points.PointRule.MAX_EXPRESSION_LENGTH) String where,
            @Schema(description = "a whole number, or a CEL expression giving one (e.g. int(event.minutes) / 10);"
                    + " an event earns it when it is a whole number from 1 (at most 1,000,000)",
                    oneOf = {Long.class, String.class}, example = "10")
            com.fasterxml.jackson.databind.JsonNode points) {

        /** The points as the expression they stand for: a JSON whole number is its own expression. */
        @JsonIgnore
        public String pointsExpression() {
            if (points == null || points.isNull()) {
                return null;
            }
            if (points.isIntegralNumber() || points.isTextual()) {
                return points.asText();
            }
            throw new dev.moments.domain.shared.InvalidValueException("points",
                    "points is a whole number or a CEL expression in a string");
        }
    }

    /** {@code POST /v1/badges}. */
    public record CreateBadge(@Schema(maxLength = dev.moments.domain.points.Badge.MAX_NAME_LENGTH,
            example = "Week streak") String name,
                              @Schema(nullable = true, description = "an absolute http(s) URL of its picture")
                              String imageUrl,
                              @Schema(description = "a trigger as a moment's, any kind but direct") Trigger trigger) {
    }

    /** {@code POST /admin/v1/partners/{id}/keys}: the key's scopes, all when left out. */
    public record IssueKey(@Schema(maxItems = 4, example = "[\"events:write\"]",
            description = "events:write, moments:write, reports:read, awards:write") List<String> scopes) {
    }

    /** {@code POST /v1/awards/{id}/reject}. */
    public record Reject(@Schema(maxLength = 500, example = "Twenty accounts on one device") String reason) {
    }

    /** {@code POST /v1/blocklist}. */
    public record Block(@Schema(enumeration = {"user", "device", "ip", "email"}, example = "device") String kind,
                        @Schema(description = "a user or device id (at most 200 characters), an IPv4 or IPv6 address,"
                                + " or an e-mail address (kept only as the SHA-256 of its lower-cased form)",
                                example = "dev-4411") String value,
                        @Schema(nullable = true, maxLength = dev.moments.domain.abuse.Block.MAX_REASON_LENGTH,
                                example = "20 accounts on one phone") String reason) {
    }

    /** {@code POST /v1/users/{userId}/points/spend}. */
    public record SpendPoints(@Schema(description = "whole points, from 1", example = "50") Long amount,
                              @Schema(maxLength = dev.moments.domain.points.PointEntry.MAX_REASON_LENGTH,
                                      example = "Redeemed a skin") String reason) {
    }

    /** {@code PUT /v1/branding}: the whole branding; a field left out is removed. */
    public record SetBranding(
            @Schema(description = "the name users know, shown at the top of every redemption page",
                    maxLength = dev.moments.domain.partner.Branding.MAX_DISPLAY_NAME_LENGTH, example = "Acme Games")
            String displayName,
            @Schema(description = "an absolute https URL of the logo, at most 2,000 characters", nullable = true,
                    example = "https://cdn.acme.example/logo.svg") String logoUrl,
            @Schema(description = "#RRGGBB; white text on it must contrast at least 4.5:1 (WCAG AA), else 422",
                    nullable = true, pattern = "^#[0-9A-Fa-f]{6}$", example = "#1A56DB") String primaryColor,
            @Schema(description = "where users write about their reward, shown on every page", nullable = true,
                    example = "help@acme.example") String supportEmail) {
    }

    /** {@code POST /v1/webhooks}. */
    public record CreateWebhook(
            @Schema(description = "an absolute http(s) URL, at most 2,000 characters, without credentials; its host"
                    + " must resolve to public addresses", example = "https://hooks.example.com/moments") String url,
            @Schema(description = "event types, or \"*\" for all", example = "[\"award.earned\", \"award.claimed\"]")
            List<String> events,
            @Schema(maxLength = dev.moments.domain.webhook.WebhookEndpoint.MAX_DESCRIPTION_LENGTH, nullable = true)
            String description) {
    }

    /** {@code PATCH /v1/webhooks/{id}}: every field optional; one left out (or {@code null}) stays as it is. */
    public record UpdateWebhook(@Schema(nullable = true) String url, @Schema(nullable = true) List<String> events,
                                @Schema(nullable = true) Boolean enabled,
                                @Schema(nullable = true, maxLength = dev.moments.domain.webhook.WebhookEndpoint
                                        .MAX_DESCRIPTION_LENGTH) String description) {
    }
}
