package dev.moments.application.service;

import dev.moments.application.port.in.DispatchEmailsUseCase;
import dev.moments.application.port.out.AwardEmails;
import dev.moments.application.port.out.AwardEmails.Due;
import dev.moments.application.port.out.AwardEmails.Status;
import dev.moments.application.port.out.AwardRepository;
import dev.moments.application.port.out.Clock;
import dev.moments.application.port.out.EmailSender;
import dev.moments.application.port.out.EmailSender.Email;
import dev.moments.application.port.out.IdGenerator;
import dev.moments.application.port.out.MomentRepository;
import dev.moments.application.port.out.RewardRepository;
import dev.moments.application.port.out.TransactionRunner;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.moment.EmailMessage;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.reward.Reward;
import dev.moments.domain.webhook.RetrySchedule;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Sends the award e-mails: takes the due ones under a lease (in a transaction of its own, so that another instance
 * skips them), then, for each, reads the award, its moment and its link, renders the moment's {@code messages.email}
 * and hands it to the {@link EmailSender} outside any transaction, and records the outcome. An award no longer waiting
 * for its claim (claimed, expired, cancelled, or its moment's e-mail removed since) is not e-mailed (SKIPPED). A
 * refusal the server may change its mind about (a 4xx reply, no connection) is tried again on the retry schedule; a
 * permanent one (5xx) or the end of the schedule ends it FAILED.
 *
 * <p>Each e-mail's lease is renewed just before it is sent and its outcome recorded only under that lease, so two
 * dispatchers never send one e-mail at once. Once the server has accepted an e-mail it is marked SENT, and a SENT
 * e-mail is never taken again, so a restart sends nothing twice. It is sent again, with the same {@code Message-ID},
 * only when the server took it but the mark did not follow: the process died in between, or the send outlasted the
 * sender's time limit and was taken by the server after all. An e-mail taken more often than the schedule has
 * attempts without an outcome ever recorded (the store failing each time) ends FAILED.
 */
public final class EmailDispatchService implements DispatchEmailsUseCase {

    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("MMMM d, yyyy, h:mm a z",
            Locale.ENGLISH);
    private static final int MAX_ERROR_LENGTH = 1_000;
    private static final String LEASE_PREFIX = "eml_";

    private final AwardEmails emails;
    private final EmailSender sender;
    private final AwardRepository awards;
    private final MomentRepository moments;
    private final RewardRepository rewards;
    private final AwardLinks links;
    private final IdGenerator ids;
    private final Clock clock;
    private final Transactions transactions;
    private final Settings settings;

    public EmailDispatchService(AwardEmails emails, EmailSender sender, AwardRepository awards,
                                MomentRepository moments, RewardRepository rewards, AwardLinks links, IdGenerator ids,
                                Clock clock, TransactionRunner transactions, Settings settings) {
        this.emails = emails;
        this.sender = sender;
        this.awards = awards;
        this.moments = moments;
        this.rewards = rewards;
        this.links = links;
        this.ids = ids;
        this.clock = clock;
        this.transactions = new Transactions(transactions);
        this.settings = settings;
    }

    /**
     * How the dispatcher retries.
     *
     * @param schedule the delays between attempts; after the last, an e-mail is FAILED
     * @param lease how long an e-mail taken for sending is held from other instances (longer than a send lasts)
     * @param random from 0 to 1, for the schedule's jitter
     */
    public record Settings(RetrySchedule schedule, Duration lease, DoubleSupplier random) {

        public Settings {
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(random, "random");
            if (lease.compareTo(Duration.ofSeconds(10)) < 0) {
                throw new IllegalArgumentException("an e-mail's lease is at least 10 s, got " + lease);
            }
        }
    }

    @Override
    public int dispatch(int limit) {
        if (!sender.enabled()) {
            return 0;
        }
        Instant now = clock.now();
        String token = ids.next(LEASE_PREFIX);
        List<Due> due = transactions.run(() -> emails.takeDue(now, now.plus(settings.lease()), token, limit));
        RuntimeException unexpected = null;
        for (Due email : due) {
            try {
                send(email);
            } catch (RuntimeException failure) {
                // one e-mail's trouble (the store, most likely) does not hold back the others of the batch
                unexpected = unexpected == null ? failure : unexpected;
                record(() -> emails.retryAt(email.awardId(), email.token(), clock.now().plus(settings.lease()),
                        shortened("not sent: " + failure)));
            }
        }
        if (unexpected != null) {
            throw unexpected;
        }
        return due.size();
    }

    private void send(Due due) {
        if (due.attempt() > settings.schedule().delays().size() + 1) {
            // taken that often without an outcome recorded: the attempts failed before they could say why
            record(() -> emails.finish(due.awardId(), due.token(), Status.FAILED, clock.now(),
                    "gave up after " + (due.attempt() - 1) + " attempts"));
            return;
        }
        Optional<Email> email = transactions.run(() -> prepare(due, clock.now()));
        if (email.isEmpty()) {
            record(() -> emails.finish(due.awardId(), due.token(), Status.SKIPPED, clock.now(), null));
            return;
        }
        // the lease renewed just before the send: a batch that took long never sends an e-mail whose lease ran out
        // (another dispatcher may hold it now)
        if (!transactions.run(() -> emails.renew(due.awardId(), due.token(), clock.now().plus(settings.lease())))) {
            return;
        }
        try {
            sender.send(email.get());
        } catch (EmailSender.NotSent refused) {
            String error = shortened(refused.getMessage());
            Optional<Duration> delay = refused.permanent() ? Optional.empty()
                    : settings.schedule().delayAfter(due.attempt(), Duration.ZERO, settings.random().getAsDouble());
            record(() -> {
                if (delay.isPresent()) {
                    emails.retryAt(due.awardId(), due.token(), clock.now().plus(delay.get()), error);
                } else {
                    emails.finish(due.awardId(), due.token(), Status.FAILED, clock.now(), error);
                }
            });
            return;
        }
        record(() -> emails.finish(due.awardId(), due.token(), Status.SENT, clock.now(), null));
    }

    /** Writes an outcome in a transaction of its own. */
    private void record(Runnable outcome) {
        transactions.run(() -> {
            outcome.run();
            return null;
        });
    }

    /** The e-mail of an award still waiting for its claim, or empty when there is nothing to tell any more. */
    private Optional<Email> prepare(Due due, Instant now) {
        Optional<Award> found = awards.find(due.partnerId(), due.awardId());
        if (found.isEmpty() || found.get().status() != AwardStatus.EARNED || found.get().isExpiredAt(now)) {
            return Optional.empty();
        }
        Award award = found.get();
        Optional<Moment> moment = moments.find(due.partnerId(), due.momentId());
        EmailMessage message = moment.map(m -> m.messages().email()).orElse(null);
        Optional<String> link = links.linkOf(award.id());
        if (message == null || link.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = rewards.findAll(due.partnerId(), moment.get().rewardsOf(award.variant())).stream()
                .map(Reward::name).toList();
        String expiresAt = award.expiresAt() == null ? "no deadline"
                : EXPIRY.withZone(moment.get().schedule().timezone()).format(award.expiresAt());
        EmailMessage.Rendered rendered = message.render(Map.of("redeemUrl", link.get(), "reward", either(names),
                "expiresAt", expiresAt));
        String host = Optional.ofNullable(URI.create(link.get()).getHost()).orElse("moments");
        return Optional.of(new Email(due.recipient(), rendered.subject(), rendered.text(), rendered.html(),
                award.id().value() + ".award-email@" + host));
    }

    /** "A", "A or B", "A, B or C". */
    static String either(List<String> names) {
        if (names.isEmpty()) {
            return "a reward";
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static String shortened(String error) {
        String text = error == null ? "not sent" : error;
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }
}
