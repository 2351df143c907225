package dev.moments.bootstrap;

import dev.moments.adapter.email.MailerEmailSender;
import dev.moments.application.port.in.DispatchEmailsUseCase;
import dev.moments.application.port.out.AwardEmails;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.EmailSender;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.OutboxSink;
import dev.moments.application.port.out.RewardRepository;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.application.port.out.UserProfileRepository;
import dev.moments.application.service.AwardLinks;
import dev.moments.application.service.EmailDispatchService;
import dev.moments.application.service.EmailFanOut;
import dev.moments.domain.webhook.RetrySchedule;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Wires the award e-mails: the e-mail relay's {@link OutboxSink}, the dispatcher and the sender of
 * {@code adapters/email}, on when {@code quarkus.mailer.from} is set.
 */
@ApplicationScoped
public class EmailConfiguration {

    private static final Logger LOG = Logger.getLogger(EmailConfiguration.class);

    @Produces
    @Singleton
    EmailSender sender(ReactiveMailer mailer, @ConfigProperty(name = "quarkus.mailer.from") Optional<String> from,
                       EmailConfig config) {
        boolean enabled = from.filter(address -> !address.isBlank()).isPresent();
        LOG.infof(enabled ? "award e-mails are on, sent as %s" : "award e-mails are off (QUARKUS_MAILER_FROM is not"
                + " set)%s", from.orElse(""));
        return new MailerEmailSender(mailer, enabled, config.sendTimeout());
    }

    /** The sink of the outbox relay {@code EMAIL}: each award.earned becomes its e-mail, when it has one. */
    @Produces
    @Singleton
    @Typed(OutboxSink.class)
    EmailFanOut emailFanOut(AwardEmails emails, EmailSender sender, MomentRepository moments,
                            UserProfileRepository profiles) {
        return new EmailFanOut(emails, sender, moments, profiles);
    }

    @Produces
    @Singleton
    @Typed(DispatchEmailsUseCase.class)
    EmailDispatchService dispatch(AwardEmails emails, EmailSender sender, AwardRepository awards,
                                  MomentRepository moments, RewardRepository rewards, AwardLinks links,
                                  IdGenerator ids, Clock clock, TransactionRunner transactions, EmailConfig config) {
        if (config.lease().compareTo(config.sendTimeout().multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("moments.email.lease (" + config.lease() + ") must be at least twice"
                    + " moments.email.send-timeout (" + config.sendTimeout() + "): a send must end within its lease");
        }
        RetrySchedule schedule = RetrySchedule.parse(config.retrySchedule()).retryingFor(Duration.ZERO);
        return new EmailDispatchService(emails, sender, awards, moments, rewards, links, ids, clock, transactions,
                new EmailDispatchService.Settings(schedule, config.lease(),
                        () -> ThreadLocalRandom.current().nextDouble()));
    }
}
