package dev.moments.adapter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moments.adapter.rest.json.MomentRequests;
import dev.moments.adapter.rest.json.RequestBodies;
import dev.moments.adapter.rest.json.Requests;
import dev.moments.application.port.in.CreateMomentCommand;
import dev.moments.application.port.in.MomentView;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.InvalidValueException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * A JSON merge patch (RFC 7396) of a moment, applied to the moment's creation body as {@code GET /v1/moments/{id}}
 * shows it. The merged body is then read exactly as {@code POST /v1/moments} reads one, so an edited moment meets the
 * same rules, and its refusals name the same fields, as a new one.
 *
 * <p>One departure from RFC 7396: a {@code trigger} replaces the trigger whole instead of merging into it. Its fields
 * depend on its kind and nest ({@code of}, {@code steps}), so a merge would carry the old trigger's {@code where} or
 * {@code within} into the new one without anyone having asked for it.
 */
final class MomentPatch {

    /** RFC 7396's media type; {@code application/json} is accepted as well. */
    static final String MEDIA_TYPE = "application/merge-patch+json";

    /** The fields of a creation body: everything else a moment shows is not the partner's to set. */
    private static final List<String> DEFINITION = List.of("name", "trigger", "audience", "schedule", "budget",
            "rewards", "limits", "holdoutPercent", "messages", "outcomes", "expectedValuePerAction", "rewardReferee",
            "variants", "review");

    private final ObjectNode patch;
    private final ObjectMapper json;

    private MomentPatch(ObjectNode patch, ObjectMapper json) {
        this.patch = patch;
        this.json = json;
    }

    /**
     * Reads a patch, refusing before the moment is even looked up: a missing body, a value of the wrong JSON type
     * (400 naming it, as a creation does), and any budget {@code total}, which only a top-up changes.
     */
    static MomentPatch of(JsonNode body, ObjectMapper json) throws JsonProcessingException {
        boolean missing = body == null || body.isNull() || body.isMissingNode();
        if (!missing && body.path("budget").has("total")) {
            throw new InvalidValueException("budget.total", "the total cannot be edited: it changes only through"
                    + " POST /v1/moments/{id}/budget/top-up, which adds to it");
        }
        RequestBodies.require(missing ? null : json.treeToValue(body, Requests.EditMoment.class));
        if (!body.isObject()) {
            throw new InvalidValueException("body", "a JSON object is required");
        }
        return new MomentPatch((ObjectNode) body, json);
    }

    /** The moment's whole new definition: its creation body as it stands, with this patch merged in. */
    CreateMomentCommand definition(PartnerId partner, MomentView current) {
        ObjectNode body = json.valueToTree(MomentMapper.toResponse(current));
        body.retain(DEFINITION);
        if (patch.has("trigger")) {
            body.remove("trigger");
        }
        try {
            return MomentRequests.toCommand(partner, json.treeToValue(merge(body, patch), Requests.CreateMoment.class));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // answered as the JSON failure it wraps
        }
    }

    /** RFC 7396: an object merges member by member ({@code null} removes one), anything else replaces the target. */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode merged = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (member.getValue().isNull()) {
                merged.remove(member.getKey());
            } else {
                merged.set(member.getKey(), merge(merged.get(member.getKey()), member.getValue()));
            }
        }
        return merged;
    }
}
