package dev.moments.adapter.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moments.domain.moment.Audience;
import dev.moments.domain.moment.EmailMessage;
import dev.moments.domain.moment.Limits;
import dev.moments.domain.moment.Messages;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.moment.Outcomes;
import dev.moments.domain.moment.Review;
import dev.moments.domain.moment.Schedule;
import dev.moments.domain.moment.Variant;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.shared.Money;
import dev.moments.domain.trigger.AllTrigger;
import dev.moments.domain.trigger.AnyTrigger;
import dev.moments.domain.trigger.CountTrigger;
import dev.moments.domain.trigger.DaysTrigger;
import dev.moments.domain.trigger.DirectTrigger;
import dev.moments.domain.trigger.EventTrigger;
import dev.moments.domain.trigger.Match;
import dev.moments.domain.trigger.ReferralTrigger;
import dev.moments.domain.trigger.SequenceTrigger;
import dev.moments.domain.trigger.SumTrigger;
import dev.moments.domain.trigger.Trigger;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps moments between the domain and their rows: the trigger as JSON of every kind, nested as the API nests it,
 * the audience as JSON, the schedule and limits as columns, the reward ids as an ordered text[].
 */
final class MomentMapper {

    private MomentMapper() {
    }

    static MomentEntity toEntity(Moment moment) {
        MomentEntity entity = new MomentEntity();
        entity.id = moment.id().value();
        entity.partnerId = moment.partnerId().value();
        entity.name = moment.name();
        entity.status = moment.status().name();
        entity.trigger = Json.write(triggerJson(moment.trigger()));
        entity.audience = Json.write(audienceJson(moment.audience()));
        entity.startsAt = moment.schedule().startsAt();
        entity.endsAt = moment.schedule().endsAt();
        entity.timezone = moment.schedule().timezone().getId();
        entity.rewardIds = moment.rewards().stream().map(RewardId::value).toArray(String[]::new);
        Limits limits = moment.limits();
        entity.perUser = limits.perUser();
        entity.perDevice = limits.perDevice();
        entity.cooldown = duration(limits.cooldown());
        entity.redeemAfter = duration(limits.redeemAfter());
        entity.claimWithin = duration(limits.claimWithin());
        entity.perIpMax = limits.perIp() == null ? null : limits.perIp().max();
        entity.perIpWithin = limits.perIp() == null ? null : duration(limits.perIp().within());
        entity.minAccountAge = duration(limits.minAccountAge());
        entity.reviewAbove = limits.review() == null ? null : limits.review().above();
        entity.reviewAutoRejectAfter = limits.review() == null ? null : duration(limits.review().autoRejectAfter());
        entity.holdoutPercent = moment.holdoutPercent();
        entity.outcomes = moment.outcomes().followsRevenue() ? Json.write(outcomesJson(moment.outcomes())) : null;
        entity.variants = moment.variants().isEmpty() ? null : Json.write(variantsJson(moment.variants()));
        Money expected = moment.expectedValuePerAction();
        entity.expectedValuePerAction = expected == null ? null : expected.amount();
        entity.expectedValueCurrency = expected == null ? null : expected.currency().getCurrencyCode();
        entity.announcement = moment.messages().announcement();
        entity.confirmation = moment.messages().confirmation();
        EmailMessage email = moment.messages().email();
        entity.emailSubject = email == null ? null : email.subject();
        entity.emailBody = email == null ? null : email.body();
        entity.createdAt = moment.createdAt();
        entity.updatedAt = moment.updatedAt();
        return entity;
    }

    static Moment toDomain(MomentEntity entity) {
        return new Moment(
                new MomentId(entity.id),
                new PartnerId(entity.partnerId),
                entity.name,
                trigger(Json.read(entity.trigger)),
                audience(Json.read(entity.audience)),
                new Schedule(entity.startsAt, entity.endsAt, ZoneId.of(entity.timezone)),
                Arrays.stream(entity.rewardIds).map(RewardId::new).toList(),
                new Limits(entity.perUser, entity.perDevice, duration(entity.cooldown), duration(entity.redeemAfter),
                        duration(entity.claimWithin), entity.perIpMax == null ? null
                        : new Limits.PerIp(entity.perIpMax, duration(entity.perIpWithin)),
                        duration(entity.minAccountAge), entity.reviewAbove == null ? null
                        : new Review(entity.reviewAbove, duration(entity.reviewAutoRejectAfter))),
                entity.holdoutPercent,
                new Messages(entity.announcement, entity.confirmation, entity.emailSubject == null ? null
                        : new EmailMessage(entity.emailSubject, entity.emailBody)),
                entity.outcomes == null ? Outcomes.NONE : outcomes(Json.read(entity.outcomes)),
                entity.expectedValuePerAction == null ? null
                        : new Money(entity.expectedValuePerAction, Money.currency(entity.expectedValueCurrency)),
                MomentStatus.valueOf(entity.status),
                entity.createdAt,
                entity.updatedAt,
                entity.variants == null ? List.of() : variants(Json.read(entity.variants)));
    }

    /** {@code [{"name","weight","costPerAction","currency","rewards":[…]}]}, the price an exact decimal string. */
    static ArrayNode variantsJson(List<Variant> variants) {
        ArrayNode json = Json.array(List.of());
        for (Variant variant : variants) {
            ObjectNode item = json.addObject();
            item.put("name", variant.name());
            item.put("weight", variant.weight());
            if (variant.costPerAction() != null) {
                item.put("costPerAction", Json.decimal(variant.costPerAction().amount()));
                item.put("currency", variant.costPerAction().currency().getCurrencyCode());
            }
            item.set("rewards", Json.array(variant.rewards().stream().map(RewardId::value).toList()));
        }
        return json;
    }

    static List<Variant> variants(JsonNode json) {
        List<Variant> variants = new ArrayList<>();
        json.forEach(item -> variants.add(new Variant(Json.text(item, "name"), item.get("weight").asInt(),
                item.hasNonNull("costPerAction") ? new Money(Json.decimal(item, "costPerAction"),
                        Money.currency(Json.text(item, "currency"))) : null,
                Json.strings(item, "rewards").stream().map(RewardId::new).toList())));
        return variants;
    }

    /**
     * The rows of {@code moment_event_types}: one per event type the moment listens to, for its trigger or for its
     * outcomes.
     */
    static Set<MomentEventTypeEntity> eventTypes(Moment moment) {
        Set<MomentEventTypeEntity> rows = new HashSet<>();
        for (String type : moment.eventTypes()) {
            MomentEventTypeEntity row = new MomentEventTypeEntity();
            row.momentId = moment.id().value();
            row.partnerId = moment.partnerId().value();
            row.eventType = type;
            rows.add(row);
        }
        return rows;
    }

    /**
     * The trigger as the API writes it, recursively: {@code {"kind":"count","event":…,"where":…,"atLeast":10,
     * "within":"P7D"}}, {@code {"kind":"sum",…,"field":"total","atLeast":"50.00"}} (the decimal as an exact string),
     * {@code {"kind":"sequence","steps":[{"event":…,"where":…}],"within":…}}, {@code {"kind":"all","of":[…]}},
     * {@code {"kind":"direct"}}, {@code {"kind":"referral","of":{…},"within":…,"rewardReferee":true}}.
     */
    static ObjectNode triggerJson(Trigger trigger) {
        ObjectNode json = Json.object();
        json.put("kind", trigger.kind());
        if (trigger instanceof EventTrigger event) {
            match(json, event.match());
        } else if (trigger instanceof CountTrigger count) {
            match(json, count.match());
            json.put("atLeast", count.atLeast());
            json.put("within", Json.duration(count.within()));
        } else if (trigger instanceof SumTrigger sum) {
            match(json, sum.match());
            json.put("field", sum.field());
            json.put("atLeast", Json.decimal(sum.atLeast()));
            json.put("within", Json.duration(sum.within()));
        } else if (trigger instanceof DaysTrigger days) {
            match(json, days.match());
            json.put("atLeast", days.atLeast());
            json.put("consecutive", days.consecutive());
            json.put("within", Json.duration(days.within()));
        } else if (trigger instanceof SequenceTrigger sequence) {
            ArrayNode steps = json.putArray("steps");
            sequence.steps().forEach(step -> match(steps.addObject(), step));
            json.put("within", Json.duration(sequence.within()));
        } else if (trigger instanceof AllTrigger all) {
            ArrayNode of = json.putArray("of");
            all.of().forEach(part -> of.add(triggerJson(part)));
        } else if (trigger instanceof AnyTrigger any) {
            ArrayNode of = json.putArray("of");
            any.of().forEach(part -> of.add(triggerJson(part)));
        } else if (trigger instanceof ReferralTrigger referral) {
            json.set("of", triggerJson(referral.of()));
            json.put("within", Json.duration(referral.within()));
            json.put("rewardReferee", referral.rewardReferee());
        } else if (!(trigger instanceof DirectTrigger)) {
            throw new IllegalArgumentException("cannot store a trigger of " + trigger.getClass().getName());
        }
        return json;
    }

    static Trigger trigger(JsonNode json) {
        String kind = Json.text(json, "kind");
        if (kind == null) {
            throw new IllegalStateException("the database holds a trigger without a kind: " + json);
        }
        return switch (kind) {
            case "event" -> new EventTrigger(match(json));
            case "count" -> new CountTrigger(match(json), json.get("atLeast").asLong(), Json.duration(json, "within"));
            case "sum" -> new SumTrigger(match(json), Json.text(json, "field"), Json.decimal(json, "atLeast"),
                    Json.duration(json, "within"));
            case "days" -> new DaysTrigger(match(json), json.get("atLeast").asLong(),
                    json.path("consecutive").asBoolean(false), Json.duration(json, "within"));
            case "sequence" -> new SequenceTrigger(matches(json.get("steps")), Json.duration(json, "within"));
            case "all" -> new AllTrigger(triggers(json.get("of")));
            case "any" -> new AnyTrigger(triggers(json.get("of")));
            case "direct" -> new DirectTrigger();
            case "referral" -> new ReferralTrigger(trigger(json.get("of")), Json.duration(json, "within"),
                    json.path("rewardReferee").asBoolean(false));
            default -> throw new IllegalStateException("the database holds a trigger of unknown kind " + kind);
        };
    }

    private static void match(ObjectNode json, Match match) {
        json.put("event", match.event());
        json.put("where", match.where());
    }

    private static Match match(JsonNode json) {
        return new Match(Json.text(json, "event"), Json.text(json, "where"));
    }

    private static List<Match> matches(JsonNode array) {
        List<Match> steps = new ArrayList<>();
        array.forEach(step -> steps.add(match(step)));
        return steps;
    }

    private static List<Trigger> triggers(JsonNode array) {
        List<Trigger> parts = new ArrayList<>();
        array.forEach(part -> parts.add(trigger(part)));
        return parts;
    }

    static JsonNode audienceJson(Audience audience) {
        ObjectNode json = Json.object();
        json.set("countries", Json.array(audience.countries().stream().sorted().toList()));
        json.set("platforms", Json.array(audience.platforms().stream().sorted().toList()));
        json.set("segments", Json.array(audience.segments().stream().sorted().toList()));
        json.put("where", audience.where());
        return json;
    }

    static Audience audience(JsonNode json) {
        return new Audience(Set.copyOf(Json.strings(json, "countries")), Set.copyOf(Json.strings(json, "platforms")),
                Set.copyOf(Json.strings(json, "segments")), Json.text(json, "where"));
    }

    /** {@code {"revenue":{"events":[…],"value":"…"}}}, the event types sorted. */
    static ObjectNode outcomesJson(Outcomes outcomes) {
        ObjectNode json = Json.object();
        ObjectNode revenue = json.putObject("revenue");
        revenue.set("events", Json.array(outcomes.revenue().events().stream().sorted().toList()));
        revenue.put("value", outcomes.revenue().value());
        return json;
    }

    static Outcomes outcomes(JsonNode json) {
        JsonNode revenue = json.get("revenue");
        return new Outcomes(revenue == null ? null
                : new Outcomes.Revenue(Set.copyOf(Json.strings(revenue, "events")), Json.text(revenue, "value")));
    }

    private static String duration(Duration duration) {
        return duration == null ? null : duration.toString();
    }

    private static Duration duration(String text) {
        return text == null ? null : Duration.parse(text);
    }
}
