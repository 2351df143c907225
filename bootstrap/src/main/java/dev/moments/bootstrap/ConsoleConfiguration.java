package dev.moments.bootstrap;

import dev.moments.application.port.in.AuthenticatePartnerUseCase;
import dev.moments.application.port.in.ConsoleSessionUseCase;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.ConsoleSessions;
import dev.moments.application.port.out.PartnerRepository;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.application.service.ConsoleSessionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

/** Wires the partner console's own use case, its sessions (the pages themselves are in {@code adapters/web}). */
@ApplicationScoped
public class ConsoleConfiguration {

    @Produces
    @Singleton
    @Typed(ConsoleSessionUseCase.class)
    ConsoleSessionService consoleSessions(AuthenticatePartnerUseCase authentication, PartnerRepository partners,
                                          ConsoleSessions sessions, Clock clock, TransactionRunner transactions,
                                          MomentsConfig config) {
        return new ConsoleSessionService(authentication, partners, sessions, clock, transactions,
                config.console().sessionLifetime());
    }
}
