package dev.moments.adapter.fulfillment.http;

import dev.moments.application.port.in.NotFoundException;
import dev.moments.application.port.in.ReportFulfillmentUseCase;
import dev.moments.domain.fulfillment.FulfillmentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stands in for the application's fulfillment service in these tests, with the idempotency its contract promises: a
 * repeated status is a DUPLICATE, a move away from a final status is IGNORED, and only real moves are applied.
 */
@ApplicationScoped
public class FakeFulfillmentReports implements ReportFulfillmentUseCase {

    private final Map<String, FulfillmentStatus> statuses = new HashMap<>();
    private final List<Report> received = new ArrayList<>();
    private final List<Report> applied = new ArrayList<>();

    /** Forgets every award and report. */
    public synchronized void reset() {
        statuses.clear();
        received.clear();
        applied.clear();
    }

    /** An award whose delivery is with the provider. */
    public synchronized void awardSubmitted(String awardId) {
        statuses.put(awardId, FulfillmentStatus.SUBMITTED);
    }

    @Override
    public synchronized Result report(Report report) {
        received.add(report);
        FulfillmentStatus current = statuses.get(report.awardId().value());
        if (current == null) {
            throw new NotFoundException("award", report.awardId());
        }
        if (current == report.status()) {
            return Result.DUPLICATE;
        }
        if (!current.canMoveTo(report.status())) {
            return Result.IGNORED;
        }
        statuses.put(report.awardId().value(), report.status());
        applied.add(report);
        return Result.APPLIED;
    }

    public synchronized List<Report> received() {
        return List.copyOf(received);
    }

    public synchronized List<Report> applied() {
        return List.copyOf(applied);
    }

    public synchronized FulfillmentStatus status(String awardId) {
        return statuses.get(awardId);
    }
}
