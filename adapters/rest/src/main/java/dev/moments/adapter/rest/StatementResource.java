package dev.moments.adapter.rest;

import dev.moments.adapter.rest.dto.LedgerResponses;
import dev.moments.adapter.rest.security.Roles;
import dev.moments.application.port.StatementLine;
import dev.moments.application.port.in.GetLedgerQuery;
import dev.moments.application.port.in.Statement;
import dev.moments.domain.shared.InvalidValueException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The partner's monthly statement: what each moment cost in a UTC calendar month, as JSON or CSV. */
@RolesAllowed(Roles.PARTNER)
@Path("/v1/statement")
@Tag(name = "Statements")
public class StatementResource {

    /** The CSV media type, RFC 4180. */
    public static final String TEXT_CSV = "text/csv";

    private final GetLedgerQuery ledger;
    private final CurrentPartner partner;

    public StatementResource(GetLedgerQuery ledger, CurrentPartner partner) {
        this.ledger = ledger;
        this.partner = partner;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, TEXT_CSV})
    @Operation(summary = "What each moment cost in a UTC calendar month; Accept: text/csv returns the lines as CSV")
    @APIResponse(responseCode = "200", description = "The statement", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LedgerResponses.Statement.class)),
            @Content(mediaType = TEXT_CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations
                    .enums.SchemaType.STRING,
                    example = "moment_id,name,actions_paid,reserved,released,settled,charged,currency"))})
    public Response statement(@Parameter(description = "the UTC calendar month, YYYY-MM", required = true,
                                      example = "2026-11") @QueryParam("month") String month,
                              @Context HttpHeaders headers) {
        boolean csv = wantsCsv(headers.getAcceptableMediaTypes());
        YearMonth yearMonth = month(month);
        Statement statement = ledger.statement(partner.id(), yearMonth);
        if (csv) {
            return Response.ok(StatementCsv.of(statement), TEXT_CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"statement-" + yearMonth + ".csv\"")
                    .build();
        }
        return Response.ok(toResponse(statement), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Whether the client prefers CSV to JSON: its most preferred acceptable type is CSV-compatible, not JSON. */
    static boolean wantsCsv(List<MediaType> acceptable) {
        MediaType csv = MediaType.valueOf(TEXT_CSV);
        for (MediaType type : acceptable) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.isCompatible(csv)) {
                return true;
            }
        }
        if (acceptable.isEmpty()) {
            return false;
        }
        throw new NotAcceptableException("the statement is available as application/json or text/csv");
    }

    /** The required {@code month} parameter, {@code YYYY-MM}. */
    static YearMonth month(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("month", "month is required, as YYYY-MM (e.g. 2026-11)");
        }
        String month = value.strip();
        if (!month.matches("\\d{4}-\\d{2}")) {
            throw new InvalidValueException("month", "month must be YYYY-MM (e.g. 2026-11), got " + abbreviate(month));
        }
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("month", "month must be YYYY-MM with a month from 01 to 12, got " + month);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }

    static LedgerResponses.Statement toResponse(Statement statement) {
        Statement.Totals totals = statement.totals();
        return new LedgerResponses.Statement(statement.month().toString(), statement.currency().getCurrencyCode(),
                statement.lines().stream().map(StatementResource::toResponse).toList(),
                new LedgerResponses.Totals(totals.actionsPaid(), totals.reserved().toDecimalString(),
                        totals.released().toDecimalString(), totals.settled().toDecimalString(),
                        totals.charged().toDecimalString()),
                statement.monthlyCap() == null ? null : statement.monthlyCap().toDecimalString(),
                statement.chargedAgainstCap().toDecimalString());
    }

    private static LedgerResponses.Line toResponse(StatementLine line) {
        return new LedgerResponses.Line(line.momentId().value(), line.momentName(), line.actionsPaid(),
                line.reserved().toDecimalString(), line.released().toDecimalString(), line.settled().toDecimalString(),
                line.charged().toDecimalString());
    }
}
