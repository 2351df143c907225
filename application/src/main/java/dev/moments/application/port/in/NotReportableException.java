package dev.moments.application.port.in;

import dev.moments.domain.shared.DomainException;

/**
 * A partner reported the delivery of an award it does not deliver itself: not claimed yet, or its reward is delivered
 * by another provider than {@code webhook}. Answered 409: the award exists, its state does not allow the report.
 */
public final class NotReportableException extends DomainException {

    public NotReportableException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "not-reportable";
    }
}
