package dev.moments.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.port.out.AwardEmails;
import dev.moments.application.port.out.AwardEmails.Due;
import dev.moments.application.port.out.AwardEmails.NewEmail;
import dev.moments.application.port.out.AwardEmails.Status;
import dev.moments.application.port.out.contract.ContractSupport;
import dev.moments.application.port.out.contract.Ports;
import dev.moments.domain.award.Award;
import dev.moments.domain.award.AwardId;
import dev.moments.domain.award.AwardStatus;
import dev.moments.domain.moment.Moment;
import dev.moments.domain.shared.Digests;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The award e-mails' table: written once per award, taken under a lease that only its holder may use. */
@QuarkusTest
class PostgresAwardEmailsTest extends ContractSupport {

    @Inject
    PostgresPorts postgres;
    @Inject
    PostgresAwardEmails emails;

    @Override
    protected Ports ports() {
        return postgres.ports();
    }

    @Test
    void anEmailIsWrittenOncePerAward_howeverOftenItIsOffered() {
        Award award = givenAward();
        NewEmail email = new NewEmail(award.id(), award.partnerId(), award.momentId(), "a@example.com", AT);
        txRun(() -> emails.insertAll(List.of(email)));
        txRun(() -> emails.insertAll(List.of(new NewEmail(award.id(), award.partnerId(), award.momentId(),
                "b@example.com", AT))));

        assertThat(tx(() -> emails.find(award.id())).orElseThrow().recipient()).isEqualTo("a@example.com");
    }

    @Test
    void aLeaseThatRanOut_isNoLongerItsHolders_whoNeitherRenewsNorRecordsAnything() {
        Award award = givenAward();
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        txRun(() -> emails.insertAll(List.of(new NewEmail(award.id(), award.partnerId(), award.momentId(),
                "a@example.com", AT))));

        List<Due> first = tx(() -> emails.takeDue(now, now.plusSeconds(10), "lease-a", 50));
        assertThat(first).extracting(Due::awardId).contains(award.id());
        assertThat(tx(() -> emails.takeDue(now.plusSeconds(5), now.plusSeconds(15), "lease-b", 50)))
                .as("leased").extracting(Due::awardId).doesNotContain(award.id());
        // the first holder took too long: the lease ran out and another dispatcher took the e-mail
        List<Due> second = tx(() -> emails.takeDue(now.plusSeconds(11), now.plusSeconds(21), "lease-b", 50));
        assertThat(second).filteredOn(due -> due.awardId().equals(award.id())).singleElement()
                .satisfies(due -> assertThat(due.attempt()).isEqualTo(2));

        assertThat(tx(() -> emails.renew(award.id(), "lease-a", now.plusSeconds(30)))).isFalse();
        txRun(() -> emails.finish(award.id(), "lease-a", Status.FAILED, now, "too late"));
        assertThat(tx(() -> emails.find(award.id())).orElseThrow().status()).isEqualTo(Status.PENDING);

        assertThat(tx(() -> emails.renew(award.id(), "lease-b", now.plusSeconds(30)))).isTrue();
        txRun(() -> emails.finish(award.id(), "lease-b", Status.SENT, now.plusSeconds(12), null));
        AwardEmails.State sent = tx(() -> emails.find(award.id())).orElseThrow();
        assertThat(sent.status()).isEqualTo(Status.SENT);
        assertThat(sent.sentAt()).isEqualTo(now.plusSeconds(12));
        txRun(() -> emails.retryAt(award.id(), "lease-b", now.plusSeconds(60), "late news"));
        assertThat(tx(() -> emails.find(award.id())).orElseThrow().status()).as("SENT stays").isEqualTo(Status.SENT);
    }

    private Award givenAward() {
        Moment moment = givenMoment(givenPartner());
        Award award = new Award(new AwardId(unique("awd_")), moment.partnerId(), moment.id(), "u-1", null, 1,
                AwardStatus.EARNED, usd("10.00"), false, unique("evt-"), Digests.sha256Hex(unique("token")), AT,
                AT, AT.plus(Duration.ofDays(30)), AT);
        txRun(() -> ports().awards().insert(award, "sealed"));
        return award;
    }
}
