package dev.moments.adapter.fulfillment;

import dev.moments.application.fixtures.InMemoryCodePool;
import dev.moments.application.fixtures.InMemoryOutbox;
import dev.moments.application.fixtures.SequentialIds;
import dev.moments.application.port.out.CodePool;
import dev.moments.application.port.out.DomainEventOutbox;
import dev.moments.application.port.out.IdGenerator;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The application's ports the providers of this module use, in memory, for the Quarkus tests of this module (the
 * application wires the real ones: persistence adapter, bootstrap).
 */
public class InMemoryPorts {

    @Produces
    @Singleton
    CodePool codePool() {
        return new InMemoryCodePool();
    }

    @Produces
    @Singleton
    DomainEventOutbox outbox() {
        return new InMemoryOutbox();
    }

    @Produces
    @Singleton
    IdGenerator ids() {
        return new SequentialIds();
    }
}
