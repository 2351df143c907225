package dev.moments.application.port.in;

import dev.moments.application.port.Relay;

/** The outbox relay's jobs: pass written domain events on, and forget them once every relay has. */
public interface RelayOutboxUseCase {

    /**
     * Passes at most {@code batchSize} of the oldest events the relay has not passed on to its sink, in one
     * transaction under the relay's lease; answers how many (0 when another instance holds the lease, the sink is not
     * ready, or nothing waits).
     */
    int relay(Relay relay, int batchSize);

    /** Deletes at most {@code batchSize} events every relay passed on longer ago than the retention; answers how many. */
    int prune(int batchSize);
}
