package dev.moments.adapter.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moments.application.port.BadgeEarned;
import dev.moments.application.port.PointsEarned;
import dev.moments.application.port.out.EventOutcome;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.points.BadgeId;
import dev.moments.domain.points.PointRuleId;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of a recorded event as stored in {@code events.outcome}, JSON
 * {@code {"awards":[…],"progress":[{"momentId":…,"complete":…,"current":"12.50","target":"50.00"}],"holdout":[…],
 * "points":[{"ruleId":…,"name":…,"points":10}],"badges":[{"badgeId":…,"name":…}]}} ({@code points} and
 * {@code badges} only when some were earned): current and target are
 * exact decimal strings (outcomes stored as JSON numbers are read too).
 */
final class EventMapper {

    private EventMapper() {
    }

    static String outcomeJson(EventOutcome outcome) {
        ObjectNode json = Json.object();
        json.set("awards", Json.array(outcome.awards().stream().map(AwardId::value).toList()));
        ArrayNode progress = json.putArray("progress");
        for (EventOutcome.Progress step : outcome.progress()) {
            ObjectNode item = progress.addObject();
            item.put("momentId", step.momentId().value());
            item.put("complete", step.complete());
            item.put("current", Json.decimal(step.current()));
            item.put("target", Json.decimal(step.target()));
        }
        json.set("holdout", Json.array(outcome.holdout().stream().map(MomentId::value).toList()));
        if (!outcome.points().isEmpty()) {
            ArrayNode points = json.putArray("points");
            for (PointsEarned earned : outcome.points()) {
                points.addObject().put("ruleId", earned.ruleId().value()).put("name", earned.name())
                        .put("points", earned.points());
            }
        }
        if (!outcome.badges().isEmpty()) {
            ArrayNode badges = json.putArray("badges");
            for (BadgeEarned earned : outcome.badges()) {
                badges.addObject().put("badgeId", earned.badgeId().value()).put("name", earned.name());
            }
        }
        return Json.write(json);
    }

    static EventOutcome outcome(JsonNode json) {
        List<EventOutcome.Progress> progress = new ArrayList<>();
        JsonNode steps = json.get("progress");
        if (steps != null) {
            for (JsonNode step : steps) {
                progress.add(new EventOutcome.Progress(new MomentId(step.get("momentId").asText()),
                        step.get("complete").asBoolean(), Json.decimal(step, "current"), Json.decimal(step, "target")));
            }
        }
        List<PointsEarned> points = new ArrayList<>();
        JsonNode earned = json.get("points");
        if (earned != null) {
            for (JsonNode item : earned) {
                points.add(new PointsEarned(new PointRuleId(item.get("ruleId").asText()), item.get("name").asText(),
                        item.get("points").asLong()));
            }
        }
        List<BadgeEarned> badges = new ArrayList<>();
        JsonNode earnedBadges = json.get("badges");
        if (earnedBadges != null) {
            for (JsonNode item : earnedBadges) {
                badges.add(new BadgeEarned(new BadgeId(item.get("badgeId").asText()), item.get("name").asText()));
            }
        }
        return new EventOutcome(Json.strings(json, "awards").stream().map(AwardId::new).toList(), progress,
                Json.strings(json, "holdout").stream().map(MomentId::new).toList(), points, badges);
    }
}
