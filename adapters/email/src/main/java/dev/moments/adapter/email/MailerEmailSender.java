package dev.moments.adapter.email;

import dev.moments.application.port.out.EmailSender;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.TimeoutException;
import io.vertx.ext.mail.SMTPException;
import java.time.Duration;

/**
 * Sends the award e-mails through Quarkus Mailer, whose SMTP settings come from the environment
 * ({@code QUARKUS_MAILER_HOST}, {@code _PORT}, {@code _FROM}, {@code _USERNAME}, {@code _PASSWORD}, {@code _TLS}, …).
 * Sending is on when the sender's address ({@code quarkus.mailer.from}) is given; without it no e-mail is written or
 * sent. Blocking, at most {@code timeout} per e-mail (a server that takes the connection and never answers must not
 * hold the dispatcher): the dispatcher calls it on a worker thread, outside any transaction.
 */
public final class MailerEmailSender implements EmailSender {

    private final ReactiveMailer mailer;
    private final boolean enabled;
    private final Duration timeout;

    public MailerEmailSender(ReactiveMailer mailer, boolean enabled, Duration timeout) {
        this.mailer = mailer;
        this.enabled = enabled;
        this.timeout = timeout;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public void send(Email email) {
        Mail mail = Mail.withText(email.to(), email.subject(), email.text())
                .setHtml(email.html())
                .addHeader("Message-ID", "<" + email.messageId() + ">");
        try {
            mailer.send(mail).await().atMost(timeout);
        } catch (TimeoutException slow) {
            throw new NotSent("no answer from the SMTP server within " + timeout, false, slow);
        } catch (RuntimeException failure) {
            SMTPException refusal = smtpRefusal(failure);
            if (refusal != null) {
                throw new NotSent("the SMTP server answered " + refusal.getReplyCode() + " "
                        + refusal.getReplyMessage(), refusal.isPermanent(), failure);
            }
            throw new NotSent("not sent: " + failure, false, failure);
        }
    }

    /** The server's refusal behind a failure, or {@code null} when it never answered (no connection, a timeout). */
    private static SMTPException smtpRefusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException refusal) {
                return refusal;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
