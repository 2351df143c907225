package dev.moments.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.domain.partner.Partner;
import dev.moments.domain.webhook.WebhookEndpoint;
import dev.moments.domain.webhook.WebhookId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What every {@code WebhookEndpoints} must do. */
public abstract class WebhookEndpointsContract extends ContractSupport {

    @Test
    void aStoredEndpointIsFoundAsItWasStored_onlyByItsPartner() {
        Partner partner = givenPartner();
        WebhookEndpoint endpoint = givenEndpoint(partner, List.of("award.earned", "budget.low"));

        assertThat(tx(() -> ports().webhookEndpoints().find(partner.id(), endpoint.id()))).contains(endpoint);
        assertThat(tx(() -> ports().webhookEndpoints().find(givenPartner().id(), endpoint.id()))).isEmpty();
        assertThat(tx(() -> ports().webhookEndpoints().count(partner.id()))).isEqualTo(1);
        assertThat(tx(() -> ports().webhookEndpoints().lock(partner.id(), endpoint.id()))).contains(endpoint);
        assertThat(tx(() -> ports().webhookEndpoints().lock(givenPartner().id(), endpoint.id()))).isEmpty();
    }

    @Test
    void anUpdateStoresEveryField_aRotationTheBothSecrets() {
        Partner partner = givenPartner();
        WebhookEndpoint endpoint = givenEndpoint(partner, List.of("*"));
        WebhookEndpoint changed = endpoint.change("https://other.example.com/in", List.of("codes.low"), false,
                "new words", AT.plusSeconds(5)).rotate(secret(), AT.plusSeconds(6));

        txRun(() -> ports().webhookEndpoints().update(changed));

        assertThat(tx(() -> ports().webhookEndpoints().find(partner.id(), endpoint.id()))).contains(changed);
    }

    @Test
    void anotherPartnerCannotUpdateNorDeleteAnEndpoint() {
        Partner partner = givenPartner();
        Partner other = givenPartner();
        WebhookEndpoint endpoint = givenEndpoint(partner, List.of("*"));
        WebhookEndpoint stolen = new WebhookEndpoint(endpoint.id(), other.id(), "https://evil.example.com/",
                endpoint.events(), true, null, secret(), null, null, AT, AT);

        txRun(() -> ports().webhookEndpoints().update(stolen));

        assertThat(tx(() -> ports().webhookEndpoints().delete(other.id(), endpoint.id()))).isFalse();
        assertThat(tx(() -> ports().webhookEndpoints().find(partner.id(), endpoint.id()))).contains(endpoint);
        assertThat(tx(() -> ports().webhookEndpoints().delete(partner.id(), endpoint.id()))).isTrue();
        assertThat(tx(() -> ports().webhookEndpoints().find(partner.id(), endpoint.id()))).isEmpty();
        assertThat(tx(() -> ports().webhookEndpoints().delete(partner.id(), endpoint.id()))).isFalse();
    }

    @Test
    void endpointsAreListedPageByPage_andTheEnabledOnesOfSomePartnersFound() {
        Partner partner = givenPartner();
        Partner other = givenPartner();
        List<WebhookEndpoint> stored = List.of(givenEndpoint(partner, List.of("*")),
                givenEndpoint(partner, List.of("*")), givenEndpoint(partner, List.of("*")));
        WebhookEndpoint disabled = stored.get(1).change(null, null, false, null, AT);
        txRun(() -> ports().webhookEndpoints().update(disabled));
        WebhookEndpoint others = givenEndpoint(other, List.of("budget.low"));
        givenEndpoint(givenPartner(), List.of("*"));

        Page<WebhookEndpoint> first = tx(() -> ports().webhookEndpoints().list(partner.id(), new PageRequest(2, null)));
        Page<WebhookEndpoint> second = tx(() -> ports().webhookEndpoints().list(partner.id(),
                new PageRequest(2, first.next())));
        assertThat(first.items()).hasSize(2);
        assertThat(second.items()).hasSize(1);
        assertThat(second.next()).isNull();
        assertThat(Stream.concat(first.items().stream(), second.items().stream()).map(WebhookEndpoint::id))
                .containsExactlyInAnyOrder(stored.stream().map(WebhookEndpoint::id).toArray(WebhookId[]::new));

        assertThat(tx(() -> ports().webhookEndpoints().enabled(List.of(partner.id(), other.id()))))
                .containsExactlyInAnyOrder(stored.get(0), stored.get(2), others);
    }
}
