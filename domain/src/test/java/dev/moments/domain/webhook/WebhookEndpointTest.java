package dev.moments.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moments.domain.fixtures.Fixtures;
import dev.moments.domain.shared.InvalidValueException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookEndpointTest {

    private static final WebhookSecret FIRST = secret(1);
    private static final WebhookSecret SECOND = secret(2);

    @Test
    void aNewEndpointIsEnabledAndSignsWithItsOneSecret() {
        WebhookEndpoint endpoint = endpoint(List.of("award.earned", "award.earned", "budget.low"));

        assertThat(endpoint.enabled()).isTrue();
        assertThat(endpoint.events()).containsExactlyInAnyOrder("award.earned", "budget.low");
        assertThat(endpoint.liveSecrets(Fixtures.NOW)).containsExactly(FIRST);
        assertThat(endpoint.receives("award.earned")).isTrue();
        assertThat(endpoint.receives("award.claimed")).isFalse();
        assertThat(endpoint(List.of("*")).receives("codes.low")).isTrue();
    }

    @Test
    void afterARotationBothSecretsSignFor24Hours_thenOnlyTheNewOne() {
        WebhookEndpoint rotated = endpoint(List.of("*")).rotate(SECOND, Fixtures.NOW);

        assertThat(rotated.liveSecrets(Fixtures.NOW)).containsExactly(SECOND, FIRST);
        assertThat(rotated.liveSecrets(Fixtures.NOW.plus(Duration.ofHours(24)).minusMillis(1)))
                .containsExactly(SECOND, FIRST);
        assertThat(rotated.liveSecrets(Fixtures.NOW.plus(Duration.ofHours(24)))).containsExactly(SECOND);
        assertThat(rotated.updatedAt()).isEqualTo(Fixtures.NOW);
    }

    @Test
    void aDisabledEndpointReceivesNothing() {
        WebhookEndpoint disabled = endpoint(List.of("*")).change(null, null, false, null, Fixtures.NOW);

        assertThat(disabled.receives("award.earned")).isFalse();
        assertThat(disabled.change(null, null, true, null, Fixtures.NOW).receives("award.earned")).isTrue();
    }

    @Test
    void theUrlIsAnAbsoluteHttpUrlWithoutCredentials_ofAtMost2000Characters() {
        for (String bad : new String[] {"ftp://example.com/", "example.com/hook", "https://", "http://user:pw@example.com/",
                "https://user@example.com/", "https://example.com/" + "a".repeat(2_000), "https://exa mple.com/",
                "javascript:alert(1)", "", "https://example.com:99999/", "https://example.com:0/"}) {
            assertThatThrownBy(() -> WebhookEndpoint.url(bad)).as(bad).isInstanceOf(InvalidValueException.class)
                    .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("url");
        }
        assertThat(WebhookEndpoint.url("https://hooks.example.com:8443/moments?x=1"))
                .isEqualTo("https://hooks.example.com:8443/moments?x=1");
        assertThat(WebhookEndpoint.url("https://example.com:65535/")).isEqualTo("https://example.com:65535/");
    }

    @Test
    void aChangeReplacesOnlyTheFieldsItGives() {
        WebhookEndpoint endpoint = endpoint(List.of("award.earned"));
        WebhookEndpoint moved = endpoint.change("https://example.com/new", null, null, null, Fixtures.NOW);

        assertThat(moved.url()).isEqualTo("https://example.com/new");
        assertThat(moved.events()).isEqualTo(endpoint.events());
        assertThat(moved.description()).isEqualTo("ours");
        WebhookEndpoint changed = moved.change(null, List.of("budget.low"), null, "theirs", Fixtures.NOW);
        assertThat(changed.url()).isEqualTo("https://example.com/new");
        assertThat(changed.events()).containsExactly("budget.low");
        assertThat(changed.description()).isEqualTo("theirs");
    }

    @Test
    void eventsAreTypesOfTheContractOrAStar_namedByIndexWhenNot() {
        assertThatThrownBy(() -> endpoint(List.of())).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> endpoint(List.of("award.earned", "award.won")))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("events[1]");
        assertThat(WebhookEventTypes.of("events", WebhookEventTypes.TYPES)).hasSize(9);
    }

    @Test
    void aRefusedEventTypeIsQuoted_cutTo60Characters() {
        String sixty = "x".repeat(60);

        assertThatThrownBy(() -> WebhookEventTypes.of("events", List.of(sixty)))
                .hasMessageStartingWith("unknown event type \"" + sixty + "\";");
        assertThatThrownBy(() -> WebhookEventTypes.of("events", List.of(sixty + "yz")))
                .hasMessageStartingWith("unknown event type \"" + sixty + "…\";");
        assertThatThrownBy(() -> WebhookEventTypes.of("events", Arrays.asList("*", null)))
                .hasMessageStartingWith("unknown event type null;")
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("events[1]");
    }

    @Test
    void aSubscriptionListsAtMost20Entries_eachTypeAndTheStarTwiceOver() {
        List<String> twice = new ArrayList<>();
        twice.addAll(WebhookEventTypes.TYPES);
        twice.addAll(WebhookEventTypes.TYPES);
        twice.addAll(List.of("*", "*"));

        assertThat(WebhookEventTypes.of("events", twice)).hasSize(10);
        twice.add("*");
        assertThatThrownBy(() -> WebhookEventTypes.of("events", twice)).isInstanceOf(InvalidValueException.class)
                .hasMessage("at most 20 entries, got 21");
    }

    @Test
    void anEndpointIdReadsAsItsValue() {
        assertThat(new WebhookId("whk_1")).hasToString("whk_1");
        assertThatThrownBy(() -> new WebhookId(" ")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void tooManyEndpointsIsRefusedWithTheContractsCode() {
        TooManyWebhooksException refusal = new TooManyWebhooksException(20);

        assertThat(refusal.code()).isEqualTo("too-many-webhooks");
        assertThat(refusal).hasMessage("a partner has at most 20 webhook endpoints; delete one first");
    }

    @Test
    void theDescriptionHasAtMost500Characters() {
        assertThatThrownBy(() -> WebhookEndpoint.create(new WebhookId("whk_1"), Fixtures.PARTNER,
                "https://example.com/", Set.of("*"), "d".repeat(501), FIRST, Fixtures.NOW))
                .isInstanceOf(InvalidValueException.class);
    }

    private static WebhookEndpoint endpoint(List<String> events) {
        return WebhookEndpoint.create(new WebhookId("whk_1"), Fixtures.PARTNER, "https://example.com/hook", events,
                "ours", FIRST, Fixtures.NOW);
    }

    private static WebhookSecret secret(int seed) {
        byte[] key = new byte[32];
        key[0] = (byte) seed;
        return new WebhookSecret("whsec_" + Base64.getEncoder().encodeToString(key));
    }
}
