package dev.moments.adapter.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moments.domain.moment.Audience;
import dev.moments.domain.moment.Limits;
import dev.moments.domain.moment.Messages;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.moment.MomentStatus;
import dev.moments.domain.moment.Schedule;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.reward.RewardId;
import dev.moments.domain.trigger.EventTrigger;
import dev.moments.domain.trigger.Trigger;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Maps moments between the domain and their rows: the trigger as {@code {"kind":"event","event":…,"where":…}},
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
        entity.holdoutPercent = moment.holdoutPercent();
        entity.announcement = moment.messages().announcement();
        entity.confirmation = moment.messages().confirmation();
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
                        duration(entity.claimWithin)),
                entity.holdoutPercent,
                new Messages(entity.announcement, entity.confirmation),
                MomentStatus.valueOf(entity.status),
                entity.createdAt,
                entity.updatedAt);
    }

    /** The rows of {@code moment_event_types}: one per event type the trigger listens to. */
    static Set<MomentEventTypeEntity> eventTypes(Moment moment) {
        Set<MomentEventTypeEntity> rows = new HashSet<>();
        for (String type : moment.trigger().eventTypes()) {
            MomentEventTypeEntity row = new MomentEventTypeEntity();
            row.momentId = moment.id().value();
            row.partnerId = moment.partnerId().value();
            row.eventType = type;
            rows.add(row);
        }
        return rows;
    }

    static JsonNode triggerJson(Trigger trigger) {
        if (trigger instanceof EventTrigger event) {
            ObjectNode json = Json.object();
            json.put("kind", "event");
            json.put("event", event.event());
            json.put("where", event.where());
            return json;
        }
        throw new IllegalArgumentException("cannot store a trigger of " + trigger.getClass().getName());
    }

    static Trigger trigger(JsonNode json) {
        String kind = Json.text(json, "kind");
        if ("event".equals(kind)) {
            return new EventTrigger(Json.text(json, "event"), Json.text(json, "where"));
        }
        throw new IllegalStateException("the database holds a trigger of unknown kind " + kind);
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

    private static String duration(Duration duration) {
        return duration == null ? null : duration.toString();
    }

    private static Duration duration(String text) {
        return text == null ? null : Duration.parse(text);
    }
}
