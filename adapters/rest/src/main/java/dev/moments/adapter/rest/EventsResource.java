package dev.moments.adapter.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moments.adapter.rest.dto.Responses;
import dev.moments.adapter.rest.json.Commands;
import dev.moments.adapter.rest.json.PlainJson;
import dev.moments.adapter.rest.json.RequestBodies;
import dev.moments.adapter.rest.json.Requests;
import dev.moments.adapter.rest.problem.ProblemMappers;
import dev.moments.adapter.rest.security.Roles;
import dev.moments.application.port.in.AwardView;
import dev.moments.application.port.in.RecordEventCommand;
import dev.moments.application.port.in.RecordEventUseCase;
import dev.moments.application.port.in.RecordEventUseCase.BatchItem;
import dev.moments.application.port.in.RecordEventUseCase.EventResult;
import dev.moments.domain.moment.MomentId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.shared.InvalidValueException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where partners report what their users did. */
@RolesAllowed(Roles.PARTNER)
@Path("/v1/events")
@Tag(name = "Events")
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

    private final RecordEventUseCase recordEvent;
    private final CurrentPartner partner;
    private final RedeemLinks links;
    private final ObjectMapper json;

    public EventsResource(RecordEventUseCase recordEvent, CurrentPartner partner, RedeemLinks links, ObjectMapper json) {
        this.recordEvent = recordEvent;
        this.partner = partner;
        this.links = links;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Records one event; the same id and body again replays the first result; "
            + "with dryRun=true, says what would happen and stores nothing")
    public Responses.EventResult record(Requests.Event body,
                                        @Parameter(description = "true: say what would happen and store nothing;"
                                                + " anything but true or false is refused (400)",
                                                schema = @Schema(type = SchemaType.BOOLEAN))
                                        @QueryParam("dryRun") String documentedOnly, @Context UriInfo uri) {
        // read from the URI rather than the parameter, which cannot tell "?dryRun" or "?dryRun=" from no flag
        boolean dryRun = QueryFlags.read(uri, "dryRun");
        RequestBodies.require(body);
        RecordEventCommand command = Commands.event(partner.id(), body);
        return dryRun ? toResponse(recordEvent.dryRun(command), true) : toResponse(recordEvent.record(command), false);
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Records up to 1000 events; each gets its own result or problem, in order",
            description = "A batch carries at most 250,000 values in all (a 1,001st event, or more values, refuse the"
                    + " whole batch with 422); an event that cannot be read or carries more than its limits gets its"
                    + " own problem in results.")
    public Responses.BatchResult batch(Requests.EventBatch body) {
        RequestBodies.require(body);
        if (body.events() == null) {
            throw new InvalidValueException("events", "events is required");
        }
        PartnerId partnerId = partner.id();
        Object[] results = new Object[body.events().size()];
        List<Integer> readable = new ArrayList<>();
        List<RecordEventCommand> commands = new ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            try {
                Object read = body.events().get(i);
                if (read instanceof PlainJson.Refused refused) {
                    throw refused.reason();
                }
                Requests.Event event = json.convertValue(read, Requests.Event.class);
                RequestBodies.require(event);
                commands.add(Commands.event(partnerId, event));
                readable.add(i);
            } catch (Exception e) {
                results[i] = ProblemMappers.from(e);
            }
        }
        List<BatchItem> recorded = recordEvent.recordAll(commands);
        for (int k = 0; k < readable.size(); k++) {
            BatchItem item = recorded.get(k);
            results[readable.get(k)] = item.failure() == null ? toResponse(item.result(), false)
                    : ProblemMappers.from(item.failure());
        }
        return new Responses.BatchResult(Arrays.asList(results));
    }

    private Responses.EventResult toResponse(EventResult result, boolean dryRun) {
        return new Responses.EventResult(result.eventId(), result.duplicate(),
                result.awards().stream().map(this::earned).toList(),
                result.progress().stream().map(p -> new Responses.Progress(p.momentId().value(), p.complete(),
                        p.current(), p.target())).toList(),
                result.holdout().stream().map(MomentId::value).toList(),
                result.points().stream().map(p -> new Responses.PointsEarned(p.ruleId().value(), p.name(),
                        p.points())).toList(),
                result.badges().stream().map(b -> new Responses.BadgeEarned(b.badgeId().value(), b.name())).toList(),
                dryRun ? Boolean.TRUE : null);
    }

    private Responses.EarnedAward earned(AwardView view) {
        return new Responses.EarnedAward(view.award().id().value(), view.award().momentId().value(),
                view.award().status().name(), view.token().map(links::of).orElse(null), view.announcement(),
                view.award().expiresAt(), view.award().userId(), view.award().referee(), view.award().variant(),
                Responses.Risk.of(view.award().risk()));
    }
}
