package dev.moments.adapter.rest;

import dev.moments.adapter.rest.dto.ReportResponses;
import dev.moments.adapter.rest.security.Roles;
import dev.moments.application.port.in.GetMomentReportQuery;
import dev.moments.application.port.in.GetMomentReportQuery.Report;
import dev.moments.domain.moment.MomentId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What a moment did and what it changed: {@code GET /v1/moments/{id}/report}, as JSON or its daily rows as CSV. */
@RolesAllowed(Roles.PARTNER)
@Path("/v1/moments/{id}/report")
@Tag(name = "Reports")
public class MomentReportResource {

    private final GetMomentReportQuery reports;
    private final CurrentPartner partner;

    public MomentReportResource(GetMomentReportQuery reports, CurrentPartner partner) {
        this.reports = reports;
        this.partner = partner;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, StatementResource.TEXT_CSV})
    @Operation(summary = "A moment's funnel, money, holdout lift with its interval, outcomes and daily series;"
            + " Accept: text/csv returns the daily rows as CSV")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReportResponses.Report.class)),
            @Content(mediaType = StatementResource.TEXT_CSV, schema = @Schema(type = SchemaType.STRING,
                    example = ReportCsv.HEADER))})
    public Response report(@PathParam("id") String id,
                           @Parameter(description = "the first day, YYYY-MM-DD in the moment's time zone;"
                                   + " the day the moment was created if absent") @QueryParam("from") String from,
                           @Parameter(description = "the last day, YYYY-MM-DD in the moment's time zone; today if"
                                   + " absent") @QueryParam("to") String to,
                           @Context HttpHeaders headers) {
        boolean csv = StatementResource.wantsCsv(headers.getAcceptableMediaTypes());
        Report report = reports.report(partner.id(), new MomentId(id), ReportsResource.day("from", from),
                ReportsResource.day("to", to));
        if (csv) {
            return Response.ok(ReportCsv.of(report), StatementResource.TEXT_CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"report-" + report.momentId().value()
                            + "-" + report.from() + "-" + report.to() + ".csv\"")
                    .build();
        }
        return Response.ok(ReportsResource.toResponse(report), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
