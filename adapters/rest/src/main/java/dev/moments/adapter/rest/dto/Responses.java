package dev.moments.adapter.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON bodies Moments answers with, exactly as docs/api.md names their fields. */
public final class Responses {

    private Responses() {
    }

    /** A new partner with its first key, shown once; {@code monthlyCap} is {@code null} without a cap. */
    public record PartnerCreated(String id, String name, String currency, String apiKey, String keyId,
                                 String monthlyCap) {
    }

    /**
     * A partner as an operator sees it.
     *
     * @param monthlyCap the spending cap per UTC calendar month across all its moments, {@code null} for none
     * @param month the current UTC calendar month, {@code YYYY-MM}
     * @param chargedThisMonth what counts against a cap in {@code month}: reservations made this month less those of
     *                         them given back this month
     */
    public record Partner(String id, String name, String currency, Instant createdAt, String monthlyCap,
                          String month, String chargedThisMonth) {
    }

    /** A new API key, shown once. */
    public record KeyIssued(String id, String apiKey) {
    }

    /** A catalog entry. */
    public record Reward(String id, String name, String kind, String cost, String currency, List<String> countries,
                         Fulfillment fulfillment, String description, String imageUrl, Instant createdAt,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Long codesAvailable) {

        /** A reward without a code pool. */
        public Reward(String id, String name, String kind, String cost, String currency, List<String> countries,
                      Fulfillment fulfillment, String description, String imageUrl, Instant createdAt) {
            this(id, name, kind, cost, currency, countries, fulfillment, description, imageUrl, createdAt, null);
        }
    }

    /** What {@code POST /v1/rewards/{id}/codes} did: codes added, codes skipped (duplicates), codes free now. */
    public record CodesAdded(int added, int skipped, long codesAvailable) {
    }

    /** Who delivers a reward. */
    public record Fulfillment(String provider) {
    }

    /** A moment with its budget's state. */
    public record Moment(String id, String name, String status, Trigger trigger, Audience audience,
                         Schedule schedule, Budget budget, BudgetState budgetState, List<String> rewards,
                         Limits limits, int holdoutPercent, Messages messages, Outcomes outcomes,
                         String expectedValuePerAction, Instant createdAt, Instant updatedAt,
                         @Schema(description = "referral moments only: whether the referee is awarded too",
                                 nullable = true)
                         @JsonInclude(JsonInclude.Include.NON_NULL) Boolean rewardReferee,
                         @Schema(description = "the variants tested against each other; absent without")
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Variant> variants,
                         @Schema(description = "the review rule; absent without", nullable = true)
                         @JsonInclude(JsonInclude.Include.NON_NULL) Review review) {
    }

    /** Completions paid more than {@code above} wait for review, at most {@code autoRejectAfter}. */
    public record Review(String above, String autoRejectAfter) {
    }

    /** One variant of a moment; {@code costPerAction} and {@code rewards} only when the variant sets its own. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Variant(String name, int weight, String costPerAction, List<String> rewards) {
    }

    /** What the report follows beside the trigger; {@code revenue} is {@code null} when nothing is. */
    public record Outcomes(Revenue revenue) {
    }

    /** The revenue of events of some types, a CEL value expression. */
    public record Revenue(List<String> events, String value) {
    }

    /** A trigger definition; only the fields of its kind are present. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Trigger(String kind, String event, String where, BigDecimal atLeast, String within, String field,
                          Boolean consecutive, List<Step> steps,
                          @Schema(oneOf = {Trigger[].class, Trigger.class}, description = "all/any: the"
                                  + " sub-triggers; referral: the trigger the referred user completes") Object of) {
    }

    /** One step of a sequence. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(String event, String where) {
    }

    /** Why a user is or is not (yet) rewarded on a moment. */
    public record Explanation(String momentId, String userId, String momentStatus, String kind, Progress progress,
                              int completions, int awards, int lateEventsIgnored, Instant newestEventAt,
                              Instant countingAfter, boolean holdout, List<String> reasons,
                              @Schema(description = "the refusal that stopped the user's last completion, or null",
                                      nullable = true) String lastRefusal,
                              @Schema(description = "whether that completion was kept: refused for the partner's"
                                      + " money (BUDGET_EXHAUSTED, DAILY_CAP, MONTHLY_CAP), so the user's next"
                                      + " matching event completes the moment again and is paid once money allows;"
                                      + " false when the user's own limits used it up") boolean completionKept,
                              @JsonInclude(JsonInclude.Include.NON_NULL)
                              @Schema(description = "referral moments only", nullable = true)
                              ReferralStanding referral,
                              @Schema(description = "when nothing stands in the way: what a completion now would"
                                      + " record (the user's limit when near, the review rule when its price is"
                                      + " above it)") Risk risk) {
    }

    /**
     * A user on a referral moment: as a referee (who referred them, when, until when their completion pays), and as a
     * referrer (the referrals paid to them, against {@code perUser}).
     */
    public record ReferralStanding(@Schema(nullable = true) String referredBy,
                                   @Schema(nullable = true) Instant referredAt,
                                   @Schema(nullable = true) Instant expiresAt, int referralsPaid, int perUser) {
    }

    /** Whether a direct award would be made now. */
    public record AwardPreview(boolean eligible, String reason, List<Reward> rewards, String announcement) {
    }

    /** Who may earn a moment. */
    public record Audience(List<String> countries, List<String> platforms, List<String> segments, String where) {
    }

    /** When a moment counts events. */
    public record Schedule(Instant startsAt, Instant endsAt, String timezone) {
    }

    /** A moment's money. */
    public record Budget(String currency, String total, String dailyCap, String costPerAction) {
    }

    /** Where a moment's money stands now. */
    public record BudgetState(String reserved, String spent, String remaining, String spentToday) {
    }

    /** A moment's limits, durations in ISO-8601. */
    public record Limits(int perUser, Integer perDevice, String cooldown, String redeemAfter, String claimWithin,
                         @JsonInclude(JsonInclude.Include.NON_NULL) PerIp perIp,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String minAccountAge) {
    }

    /** At most {@code max} awards from one client address within {@code within}. */
    public record PerIp(int max, String within) {
    }

    /** What the user is told. */
    public record Messages(String announcement, String confirmation,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Email email) {
    }

    /** A moment's award e-mail. */
    public record Email(String subject, String body) {
    }

    /** What an event led to; {@code dryRun} is set when nothing was stored. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventResult(String eventId, boolean duplicate, List<EarnedAward> awards, List<Progress> progress,
                              List<String> holdout,
                              @Schema(description = "the points the event earned, one line per point rule")
                              List<PointsEarned> points,
                              @Schema(description = "the badges the event earned") List<BadgeEarned> badges,
                              Boolean dryRun) {
    }

    /** A badge an event earned. */
    public record BadgeEarned(String badgeId, String name) {
    }

    /**
     * An entry of the blocklist: a user or device as blocked ({@code value}); a client or e-mail address only as the
     * digest it is kept as ({@code valueSha256}).
     */
    public record BlockEntry(String id, @Schema(enumeration = {"user", "device", "ip", "email"}) String kind,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String value,
                             @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "ip: the SHA-256 of"
                                     + " the address's canonical text; email: of the lower-cased address")
                             String valueSha256,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String reason, Instant createdAt) {
    }

    /** One of a partner's API keys, without its secret. */
    public record Key(String id, List<String> scopes, Instant createdAt,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Instant revokedAt,
                      @Schema(nullable = true, description = "to within a few minutes; null if never used")
                      Instant lastUsedAt) {
    }

    /** One line of the audit log. */
    public record AuditEntry(String id, Instant at,
                             @Schema(description = "key:<api key id>, admin or system") String actor,
                             @Schema(description = "the request (e.g. POST /v1/moments/{id}/launch) or the decision"
                                     + " (review.approved, review.rejected)") String action,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String target,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String detail) {
    }

    /** What {@code POST /v1/blocklist/{id}/cancel-awards} did. */
    public record AwardsCancelled(@Schema(description = "how many unclaimed awards were cancelled") int cancelled) {
    }

    /** A badge and its trigger. */
    public record Badge(String id, String name, @JsonInclude(JsonInclude.Include.NON_NULL) String imageUrl,
                        Trigger trigger, Instant createdAt) {
    }

    /** A badge a user earned: when, and by which event. */
    public record EarnedBadge(String badgeId, String name,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String imageUrl, Instant earnedAt,
                              String eventId) {
    }

    /** The badges a user earned, newest first. */
    public record UserBadges(String userId, List<EarnedBadge> items) {
    }

    /** Points an event earned by one rule. */
    public record PointsEarned(String ruleId, String name, long points) {
    }

    /** A point rule: {@code points} is the CEL expression (a number is one too). */
    public record PointRule(String id, String name, String event,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String where, String points,
                            Instant createdAt) {
    }

    /** A user's points: the balance and a page of the ledger, newest first. */
    public record UserPoints(String userId, long balance, List<PointEntry> items, String next) {
    }

    /** One line of a user's points ledger: earned (positive, with its rule and event) or spent (with its reason). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PointEntry(String id, long points, String ruleId, String eventId, String reason, Instant at) {
    }

    /** A spend: its ledger line and the balance after it. */
    public record PointsSpent(PointEntry entry, long balance) {
    }

    /** An award as announced in an event's result. */
    public record EarnedAward(String id, String momentId, String status, String redeemUrl, String announcement,
                              Instant expiresAt,
                              @Schema(description = "whose award it is: the event's user, or on a referral moment"
                                      + " the user who referred them") String userId,
                              @Schema(description = "referral moments: the referred user whose completion the award"
                                      + " pays for", nullable = true)
                              @JsonInclude(JsonInclude.Include.NON_NULL) String referee,
                              @Schema(description = "moments with variants: the variant its user was given",
                                      nullable = true)
                              @JsonInclude(JsonInclude.Include.NON_NULL) String variant,
                              @Schema(description = "what was noticed when it was decided") Risk risk) {
    }

    /** How far a user got on one moment, in the trigger's unit (events, days, amount, steps). */
    public record Progress(String momentId, boolean complete, BigDecimal current, BigDecimal target) {
    }

    /** The results of a batch, one per event, in order: an event result or a problem. */
    public record BatchResult(List<Object> results) {
    }

    /** An award as its partner sees it. */
    public record Award(String id, String momentId, String userId, String deviceId, String status, boolean test,
                        int completion, String reserved, String currency, String eventId, String redeemUrl,
                        String announcement, Instant earnedAt, Instant redeemableAt, Instant expiresAt,
                        Instant updatedAt,
                        @JsonInclude(JsonInclude.Include.NON_NULL) List<StatusChange> history,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String rewardId,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Instant claimedAt,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Delivery delivery,
                        @Schema(description = "referral moments: who referred the referee", nullable = true)
                        @JsonInclude(JsonInclude.Include.NON_NULL) String referrer,
                        @Schema(description = "referral moments: the referred user whose completion the award pays"
                                + " for; the award is the referrer's (userId = referrer) or the referee's own",
                                nullable = true)
                        @JsonInclude(JsonInclude.Include.NON_NULL) String referee,
                        @Schema(description = "moments with variants: the variant its user was given", nullable = true)
                        @JsonInclude(JsonInclude.Include.NON_NULL) String variant,
                        @Schema(description = "what was noticed when it was decided") Risk risk) {
    }

    /** What was noticed about an award when it was decided. */
    public record Risk(List<Signal> signals) {

        public static Risk of(List<dev.moments.domain.award.RiskSignal> signals) {
            return new Risk(signals.stream().map(signal -> new Signal(signal.rule(), signal.count(), signal.limit(),
                    signal.count() == null ? null : signal.near(), signal.detail())).toList());
        }
    }

    /**
     * One risk signal: a limit's count at decision time (this award included) against what it allows, or the rule that
     * sent the award to review.
     */
    public record Signal(@Schema(description = "perUser, perDevice, perIp or review") String rule,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Integer count,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Integer limit,
                         @Schema(description = "a limit: at least its second award and more than half of it")
                         @JsonInclude(JsonInclude.Include.NON_NULL) Boolean near,
                         String detail) {
    }

    /** One step of an award's history; {@code reason} only where one was given. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatusChange(String status, Instant at, String reason) {
    }

    /** Where the delivery of a claimed reward stands; the code once delivered, the reason once failed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delivery(String status, String code, String reason) {
    }

    /** {@code GET /api/redeem/{token}}: what the link offers, for the user. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Redemption(RedemptionAward award, String state, List<RewardOption> rewards, String announcement,
                             String confirmation, ClaimedDelivery delivery,
                             @Schema(description = "the partner's branding, null when it set none", nullable = true)
                             Branding branding) {
    }

    /** A partner's branding of its redemption pages; a field it did not set is {@code null}. */
    public record Branding(String displayName, @Schema(nullable = true) String logoUrl,
                           @Schema(nullable = true, example = "#1A56DB") String primaryColor,
                           @Schema(nullable = true) String supportEmail) {

        public static Branding of(dev.moments.domain.partner.Branding branding) {
            return branding == null ? null : new Branding(branding.displayName(), branding.logoUrl(),
                    branding.primaryColor(), branding.supportEmail());
        }
    }

    /** The award behind a link, as its user sees it. */
    public record RedemptionAward(String id, String status, Instant redeemableAt, Instant expiresAt) {
    }

    /** A reward the user may pick; {@code unavailableReason} when it cannot be had now. */
    public record RewardOption(String id, String name, String kind, String description, String imageUrl,
                               boolean available, String unavailableReason) {
    }

    /** The claimed reward and its delivery, on the redemption link. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClaimedDelivery(String rewardId, String rewardName, String kind, String status, String code,
                                  String reason, Instant claimedAt) {
    }

    /** {@code POST /api/redeem/{token}/claim}: the award's status after the claim, and the code when handed out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClaimResult(String status, String code) {
    }

    /** What became of a delivery report: {@code APPLIED}, {@code DUPLICATE} or {@code IGNORED}. */
    public record FulfillmentReported(String result, Award award) {
    }

    /** One page of a list. */
    public record Page<T>(List<T> items, String next) {
    }

    /** A webhook endpoint; {@code secret} only in the answers of its creation and of a rotation. */
    public record Webhook(String id, String url, List<String> events, boolean enabled,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String description, Instant createdAt,
                          Instant updatedAt,
                          @JsonInclude(JsonInclude.Include.NON_NULL)
                          @Schema(description = "whsec_<base64>: shown by the creation and by each rotation only",
                                  nullable = true) String secret) {
    }

    /** One event for one endpoint, with every attempt made (oldest first). */
    public record WebhookDelivery(String id, String eventId, String type,
                                  @Schema(enumeration = {"PENDING", "DELIVERED", "FAILED"}) String status,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) Instant nextAttemptAt,
                                  Instant createdAt, List<WebhookAttempt> attempts) {
    }

    /**
     * One attempt: when, the receiver's HTTP status ({@code null} when none came), how long it took, and why it
     * failed ({@code null} on success).
     */
    public record WebhookAttempt(Instant at, Integer statusCode, long durationMs, String error) {
    }
}
