package dev.moments.adapter.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON bodies of the reports: a moment's figures, funnel, holdout lift, outcomes and daily series. Money is a
 * decimal string in {@code currency}; rates and lifts are numbers between -1 and 1; an interval is a pair
 * {@code [lower, upper]}, {@code null} where nothing can be said yet (an end {@code null} when unbounded).
 */
public final class ReportResponses {

    private ReportResponses() {
    }

    /** One moment's report over the days {@code from} … {@code to} of its time zone (both included). */
    public record Report(String momentId, String name, String status, String currency, String from, String to,
                         long completions, long awards, long claimed, long fulfilled, long expired,
                         String spend, String reserved, String effectiveCpa,
                         Funnel funnel, Holdout holdout, Outcomes outcomes, Guardrail guardrail, List<Day> daily,
                         @Schema(description = "moments with variants: each variant against the same control arm")
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Variant> variants) {
    }

    /**
     * One variant against the moment's control arm: its users (treatment users given it), those who completed, their
     * rate, the lift over the control's rate with Newcombe's 95% interval, the money settled for its awards
     * ({@code spend}) and still reserved, and what each incremental completion cost (committed money).
     */
    public record Variant(String name, long users, long completed, double rate, double lift, List<Double> liftCi95,
                          boolean significant, String spend, String reserved, String costPerIncrementalAction,
                          List<String> costPerIncrementalActionCi95) {
    }

    /** Users at each step among those who reached the moment in the period. */
    public record Funnel(long reached, long progressed, long completed, long awarded, long claimed, long fulfilled) {
    }

    /** The treatment arm against the control arm (the users held out). */
    public record Holdout(long treatmentUsers, long controlUsers, long treatmentCompleted, long controlCompleted,
                          double treatmentRate, double controlRate, double lift, List<Double> liftCi95,
                          Double relativeLift, boolean significant, double incrementalCompletions,
                          String costPerIncrementalAction, List<String> costPerIncrementalActionCi95) {
    }

    /** Retention and revenue per arm. */
    public record Outcomes(Rates retentionD7, Rates retentionD30, Arpu arpu) {
    }

    /** A share per arm ({@code null} while no user of the arm is old enough), over so many users. */
    public record Rates(Double treatment, Double control, long treatmentUsers, long controlUsers) {
    }

    /** Average revenue per reached user of each arm, and the difference with its Welch 95% interval. */
    public record Arpu(String treatment, String control, String difference, List<String> differenceCi95) {
    }

    /** The partner's unit economics: what an incremental action is worth, and what is wrong, if anything. */
    public record Guardrail(String expectedValuePerAction, boolean flagged, List<String> flags) {
    }

    /** One day of the period. */
    public record Day(String date, long completions, long awards, String spend) {
    }

    /** A page of the moments' headline figures; {@code next} is the cursor of the next page, {@code null} at the end. */
    public record Reports(String from, String to, List<Report> items, String next) {
    }
}
