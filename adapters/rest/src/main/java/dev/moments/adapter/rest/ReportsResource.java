package dev.moments.adapter.rest;

import dev.moments.adapter.rest.dto.ReportResponses;
import dev.moments.adapter.rest.security.Roles;
import dev.moments.application.port.Page;
import dev.moments.application.port.in.GetMomentReportQuery;
import dev.moments.application.port.in.GetMomentReportQuery.Report;
import dev.moments.domain.report.Interval;
import dev.moments.domain.shared.InvalidValueException;
import dev.moments.domain.shared.Money;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The headline figures of every moment of the partner ({@code GET /v1/reports/moments}); one moment's whole report is
 * {@link MomentReportResource}'s.
 */
@RolesAllowed(Roles.PARTNER)
@Path("/v1/reports")
@Tag(name = "Reports")
public class ReportsResource {

    private final GetMomentReportQuery reports;
    private final CurrentPartner partner;

    public ReportsResource(GetMomentReportQuery reports, CurrentPartner partner) {
        this.reports = reports;
        this.partner = partner;
    }

    @GET
    @Path("/moments")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The headline figures of the partner's moments (each report without its daily rows), page by"
            + " page, oldest moment first")
    public ReportResponses.Reports all(@Parameter(description = "the first day, YYYY-MM-DD in each moment's time"
                                               + " zone") @QueryParam("from") String from,
                                       @Parameter(description = "the last day, YYYY-MM-DD") @QueryParam("to")
                                       String to,
                                       @QueryParam("limit") String limit, @QueryParam("after") String after) {
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        Page<ReportResponses.Report> page = reports.reportAll(partner.id(), first, last, Pages.request(limit, after))
                .map(ReportsResource::toResponse);
        return new ReportResponses.Reports(first == null ? null : first.toString(),
                last == null ? null : last.toString(), page.items(), page.next());
    }

    /** An optional day parameter, {@code YYYY-MM-DD}. */
    static LocalDate day(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new InvalidValueException(name, name + " must be a day, YYYY-MM-DD (e.g. 2026-11-25)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(name, name + " is not a day of the calendar: " + value);
        }
    }

    static ReportResponses.Report toResponse(Report report) {
        GetMomentReportQuery.Holdout h = report.holdout();
        GetMomentReportQuery.Funnel f = report.funnel();
        GetMomentReportQuery.Outcomes o = report.outcomes();
        GetMomentReportQuery.Arpu arpu = o.arpu();
        Interval lift = h.lift();
        return new ReportResponses.Report(report.momentId().value(), report.name(), report.status().name(),
                report.spend().currency().getCurrencyCode(), report.from().toString(), report.to().toString(),
                report.completions(), report.awards(), report.claimed(), report.fulfilled(), report.expired(),
                text(report.spend()), text(report.reserved()), text(report.effectiveCpa()),
                new ReportResponses.Funnel(f.reached(), f.progressed(), f.completed(), f.awarded(), f.claimed(),
                        f.fulfilled()),
                new ReportResponses.Holdout(h.treatmentUsers(), h.controlUsers(), h.treatmentCompleted(),
                        h.controlCompleted(), round(h.treatmentRate()), round(h.controlRate()),
                        round(h.treatmentRate() - h.controlRate()),
                        lift == null ? null : Arrays.asList(round(lift.lower()), round(lift.upper())),
                        h.relativeLift() == null ? null : round(h.relativeLift()), h.significant(),
                        BigDecimal.valueOf(h.incrementalCompletions()).setScale(2, RoundingMode.HALF_EVEN)
                                .doubleValue(),
                        text(h.costPerIncrementalAction()),
                        lift == null ? null : Arrays.asList(text(h.costPerIncrementalActionLower()),
                                text(h.costPerIncrementalActionUpper()))),
                new ReportResponses.Outcomes(rates(o.retentionD7()), rates(o.retentionD30()),
                        arpu == null ? null : new ReportResponses.Arpu(text(arpu.treatment()), text(arpu.control()),
                                text(arpu.difference()), arpu.differenceLower() == null ? null
                                : Arrays.asList(text(arpu.differenceLower()), text(arpu.differenceUpper())))),
                new ReportResponses.Guardrail(text(report.guardrail().expectedValuePerAction()),
                        report.guardrail().flagged(),
                        report.guardrail().flags().stream().map(Enum::name).toList()),
                report.daily().stream().map(day -> new ReportResponses.Day(day.date().toString(), day.completions(),
                        day.awards(), text(day.spend()))).toList(),
                report.variants().stream().map(ReportsResource::variant).toList());
    }

    private static ReportResponses.Variant variant(GetMomentReportQuery.VariantReport variant) {
        GetMomentReportQuery.Holdout h = variant.versusControl();
        Interval lift = h.lift();
        return new ReportResponses.Variant(variant.name(), h.treatmentUsers(), h.treatmentCompleted(),
                round(h.treatmentRate()), round(h.treatmentRate() - h.controlRate()),
                lift == null ? null : Arrays.asList(round(lift.lower()), round(lift.upper())), h.significant(),
                text(variant.spend()), text(variant.reserved()), text(h.costPerIncrementalAction()),
                lift == null ? null : Arrays.asList(text(h.costPerIncrementalActionLower()),
                        text(h.costPerIncrementalActionUpper())));
    }

    private static ReportResponses.Rates rates(GetMomentReportQuery.Rates rates) {
        return new ReportResponses.Rates(rates.treatment() == null ? null : round(rates.treatment()),
                rates.control() == null ? null : round(rates.control()), rates.treatmentUsers(),
                rates.controlUsers());
    }

    /** A rate or lift to six decimal places: what a reader can use, without the noise of a double. */
    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static String text(Money money) {
        return money == null ? null : money.toDecimalString();
    }
}
