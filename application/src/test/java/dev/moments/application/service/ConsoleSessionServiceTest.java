package dev.moments.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.application.fixtures.InMemoryConsoleSessions;
import dev.moments.application.fixtures.InMemoryMoments;
import dev.moments.application.fixtures.RandomSecrets;
import dev.moments.application.fixtures.SequentialIds;
import dev.moments.application.port.in.AuthenticatePartnerUseCase;
import dev.moments.application.port.in.ConsoleSessionUseCase.ConsoleSession;
import dev.moments.application.port.in.ConsoleSessionUseCase.OpenedSession;
import dev.moments.application.port.in.CreatePartnerCommand;
import dev.moments.application.port.in.CreatePartnerUseCase.PartnerCreated;
import dev.moments.application.port.out.ConsoleSessions.StoredSession;
import dev.moments.domain.partner.ApiKeyId;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.partner.Scope;
import dev.moments.domain.shared.Digests;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Console sessions: opened with an active key, known only by the digest of their id, ended by time, key or sign-out. */
class ConsoleSessionServiceTest {

    private static final Duration LIFETIME = Duration.ofHours(8);

    private final InMemoryMoments app = new InMemoryMoments();
    private final InMemoryConsoleSessions stored = new InMemoryConsoleSessions();
    private final ConsoleSessionService console = new ConsoleSessionService(app.partners, app.partnerRepository,
            stored, app.clock, app.transactions, LIFETIME);
    private final PartnerCreated acme = app.partners.create(new CreatePartnerCommand("Acme Games", "USD"));

    @Test
    void aSessionMustLastSomeTime() {
        for (Duration lifetime : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1)}) {
            assertThatThrownBy(() -> new ConsoleSessionService(app.partners, app.partnerRepository, stored, app.clock,
                    app.transactions, lifetime)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anActiveKeyOpensASessionOfItsPartner_forTheLifetime_whichItsIdResumes() {
        OpenedSession opened = console.signIn(acme.apiKey()).orElseThrow();

        assertThat(opened.session().partnerId()).isEqualTo(acme.partner().id());
        assertThat(opened.session().expiresAt()).isEqualTo(app.clock.now().plus(LIFETIME));
        assertThat(opened.lifetime()).isEqualTo(LIFETIME);
        assertThat(console.resume(opened.sessionId())).contains(opened.session());
    }

    @Test
    void onlyTheDigestOfTheIdIsStored() {
        OpenedSession opened = console.signIn(acme.apiKey()).orElseThrow();

        assertThat(stored.find(opened.sessionId())).isEmpty();
        StoredSession session = stored.find(Digests.sha256Hex(opened.sessionId())).orElseThrow();
        assertThat(session.apiKeyId()).isEqualTo(acme.keyId());
        assertThat(session.createdAt()).isEqualTo(app.clock.now());
    }

    @Test
    void everySessionHasItsOwnRandomIdAndCsrfToken_of256Bits() {
        OpenedSession first = console.signIn(acme.apiKey()).orElseThrow();
        OpenedSession second = console.signIn(acme.apiKey()).orElseThrow();

        assertThat(first.sessionId()).isNotEqualTo(second.sessionId()).hasSize(43);
        assertThat(first.session().csrfToken()).isNotEqualTo(second.session().csrfToken()).hasSize(43)
                .isNotEqualTo(first.sessionId());
        assertThat(console.resume(second.sessionId()).orElseThrow().csrfToken())
                .isEqualTo(second.session().csrfToken());
    }

    @Test
    void aWrongOrRevokedKeyOpensNothing() {
        app.partners.revoke(acme.partner().id(), acme.keyId());

        assertThat(console.signIn(acme.apiKey())).isEmpty();
        assertThat(console.signIn("mk_wrong")).isEmpty();
        assertThat(stored.size()).isZero();
    }

    @Test
    void aKeyRevokedInTheStore_butStillTrustedFromMemoryByTheAuthentication_opensNothing() {
        long[] nanos = {0};
        PartnerService trusting = new PartnerService(app.partnerRepository, app.spending, new SequentialIds(),
                new RandomSecrets(), app.clock, app.transactions, Duration.ofMinutes(1), () -> nanos[0]);
        assertThat(trusting.authenticate(acme.apiKey())).contains(acme.partner().id());
        var key = app.partnerRepository.findKey(acme.partner().id(), acme.keyId()).orElseThrow();
        app.partnerRepository.updateKey(key.revokedAt(app.clock.now()));
        ConsoleSessionService withTrust = new ConsoleSessionService(trusting, app.partnerRepository, stored, app.clock,
                app.transactions, LIFETIME);

        assertThat(trusting.authenticate(acme.apiKey())).as("still trusted").contains(acme.partner().id());
        assertThat(withTrust.signIn(acme.apiKey())).isEmpty();
    }

    @Test
    void aKeyOfAnotherPartnerThanTheAuthenticatedOneOpensNothing() {
        PartnerId someoneElse = app.partners.create(new CreatePartnerCommand("Other", "USD")).partner().id();
        ConsoleSessionService confused = new ConsoleSessionService(key -> Optional.of(new AuthenticatePartnerUseCase.Caller(someoneElse,
                new ApiKeyId("key_other"), Scope.ALL)),
                app.partnerRepository, stored, app.clock, app.transactions, LIFETIME);

        assertThat(confused.signIn(acme.apiKey())).isEmpty();
        assertThat(stored.size()).isZero();
    }

    @Test
    void aSignInForgetsTheSessionsThatHaveExpired() {
        console.signIn(acme.apiKey()).orElseThrow();
        app.clock.advance(LIFETIME.plusSeconds(1));

        OpenedSession later = console.signIn(acme.apiKey()).orElseThrow();

        assertThat(stored.size()).isOne();
        assertThat(console.resume(later.sessionId())).isPresent();
    }

    @Test
    void aSessionEndsAtItsExpiry() {
        OpenedSession opened = console.signIn(acme.apiKey()).orElseThrow();

        app.clock.advance(LIFETIME.minusNanos(1000));
        assertThat(console.resume(opened.sessionId())).isPresent();
        app.clock.advance(Duration.ofNanos(1000));
        assertThat(console.resume(opened.sessionId())).isEmpty();
        assertThat(stored.size()).as("ended on the way").isZero();
    }

    @Test
    void revokingTheKeyEndsItsSessions_butNotThoseOfAnotherKey() {
        OpenedSession opened = console.signIn(acme.apiKey()).orElseThrow();
        String otherKey = app.partners.issue(acme.partner().id(), Scope.ALL).apiKey();
        OpenedSession other = console.signIn(otherKey).orElseThrow();

        app.partners.revoke(acme.partner().id(), acme.keyId());

        assertThat(console.resume(opened.sessionId())).isEmpty();
        assertThat(stored.find(Digests.sha256Hex(opened.sessionId()))).as("ended on the way").isEmpty();
        assertThat(console.resume(other.sessionId())).isPresent();
    }

    @Test
    void signingOutEndsTheSession_andAnUnknownOrMalformedIdIsIgnored() {
        OpenedSession opened = console.signIn(acme.apiKey()).orElseThrow();
        OpenedSession other = console.signIn(acme.apiKey()).orElseThrow();

        console.signOut(opened.sessionId());
        console.signOut("unknown");
        console.signOut(null);
        console.signOut(" ");

        assertThat(console.resume(opened.sessionId())).isEmpty();
        assertThat(console.resume(other.sessionId())).isPresent();
    }

    @Test
    void aMissingBlankUnknownOrOverlongIdResumesNothing() {
        assertThat(console.resume(null)).isEmpty();
        assertThat(console.resume("")).isEmpty();
        assertThat(console.resume("   ")).isEmpty();
        assertThat(console.resume("unknown")).isEmpty();
        assertThat(console.resume("x".repeat(65))).isEmpty();
    }

    @Test
    void anIdOfUpTo64CharactersIsLookedUp_aLongerOneIsNot() {
        String longest = "x".repeat(64);
        String tooLong = "x".repeat(65);
        for (String id : new String[] {longest, tooLong}) {
            stored.insert(new StoredSession(Digests.sha256Hex(id), acme.partner().id(), acme.keyId(), "csrf",
                    app.clock.now(), app.clock.now().plus(LIFETIME)));
        }

        assertThat(console.resume(longest)).map(ConsoleSession::csrfToken).contains("csrf");
        assertThat(console.resume(tooLong)).isEmpty();
    }
}
