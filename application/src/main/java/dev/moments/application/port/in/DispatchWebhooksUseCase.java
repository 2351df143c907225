package dev.moments.application.port.in;

/** The webhook job: sends the deliveries that are due, records what their receivers answered. */
public interface DispatchWebhooksUseCase {

    /**
     * One round: records the answers that came in since the last round, leases due deliveries up to the free
     * capacity and sends them (without waiting longer than a short, configured while for their answers).
     *
     * @return how many deliveries were sent in this round
     */
    int dispatch();

    /** How many deliveries are being sent now (sent, their answer not recorded yet). */
    int inFlight();

    /**
     * Forgets at most {@code batchSize} finished deliveries older than the retention, with their attempts; answers
     * how many.
     */
    int prune(int batchSize);
}
