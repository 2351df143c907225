package dev.moments.application.port.in;

/** Submits again the deliveries an external provider could not take yet (a retryable failure), once they are due. */
public interface RetryFulfillmentsUseCase {

    /**
     * Submits up to {@code batchSize} due deliveries again, each outside any transaction.
     *
     * @return how many were submitted
     */
    int retryDue(int batchSize);
}
