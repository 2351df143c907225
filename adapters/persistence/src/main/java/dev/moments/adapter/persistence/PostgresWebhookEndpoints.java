package dev.moments.adapter.persistence;

import dev.moments.application.port.Page;
import dev.moments.application.port.PageRequest;
import dev.moments.application.port.out.WebhookEndpoints;
import dev.moments.domain.partner.PartnerId;
import dev.moments.domain.webhook.WebhookEndpoint;
import dev.moments.domain.webhook.WebhookId;
import dev.moments.domain.webhook.WebhookSecret;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Keeps partners' webhook endpoints in PostgreSQL; every lookup is scoped by partner. */
@ApplicationScoped
@StoreOutages
public class PostgresWebhookEndpoints implements WebhookEndpoints {

    @Override
    public void insert(WebhookEndpoint endpoint) {
        Store.insert(toEntity(endpoint), "webhook " + endpoint.id());
    }

    @Override
    public Optional<WebhookEndpoint> find(PartnerId partnerId, WebhookId id) {
        return Store.detached(WebhookEndpointEntity.<WebhookEndpointEntity>list("id = ?1 and partnerId = ?2",
                id.value(), partnerId.value())).stream().findFirst().map(PostgresWebhookEndpoints::toDomain);
    }

    // Plain SQL for the row lock, then the entity read as find reads it.
    @Override
    public Optional<WebhookEndpoint> lock(PartnerId partnerId, WebhookId id) {
        return Sql.first("select id from webhook_endpoints where id = ? and partner_id = ? for update",
                row -> row.getString(1), id.value(), partnerId.value()).flatMap(locked -> find(partnerId, id));
    }

    @Override
    public Page<WebhookEndpoint> list(PartnerId partnerId, PageRequest page) {
        List<WebhookEndpointEntity> rows = Paging.rows(WebhookEndpointEntity.class, partnerId, page);
        return Store.page(rows, page.limit(), row -> row.id, PostgresWebhookEndpoints::toDomain);
    }

    @Override
    public int count(PartnerId partnerId) {
        // lock: advisory, per partner's endpoints; a second registration waits here until the first commits, and its
        // count (a new statement under READ COMMITTED) then sees the first one's endpoint
        Sql.list("select pg_advisory_xact_lock(hashtextextended(?, 0))", row -> null,
                "webhook-endpoints:" + partnerId.value());
        return (int) WebhookEndpointEntity.count("partnerId", partnerId.value());
    }

    @Override
    public void update(WebhookEndpoint endpoint) {
        WebhookEndpointEntity.update("url = ?1, events = ?2, enabled = ?3, description = ?4, secret = ?5,"
                        + " previousSecret = ?6, previousSecretUntil = ?7, updatedAt = ?8 where id = ?9 and partnerId = ?10",
                endpoint.url(), events(endpoint.events()), endpoint.enabled(), endpoint.description(),
                endpoint.secret().value(), endpoint.previousSecret() == null ? null : endpoint.previousSecret().value(),
                endpoint.previousSecretUntil(), endpoint.updatedAt(), endpoint.id().value(),
                endpoint.partnerId().value());
    }

    /** Its deliveries and their attempts go with it (on delete cascade). */
    @Override
    public boolean delete(PartnerId partnerId, WebhookId id) {
        return WebhookEndpointEntity.delete("id = ?1 and partnerId = ?2", id.value(), partnerId.value()) == 1;
    }

    @Override
    public List<WebhookEndpoint> enabled(Collection<PartnerId> partners) {
        if (partners.isEmpty()) {
            return List.of();
        }
        return Store.detached(WebhookEndpointEntity.<WebhookEndpointEntity>list(
                        "enabled = true and partnerId in ?1 order by id",
                        partners.stream().map(PartnerId::value).distinct().toList()))
                .stream().map(PostgresWebhookEndpoints::toDomain).toList();
    }

    private static String[] events(Set<String> events) {
        return events.stream().sorted().toArray(String[]::new);
    }

    private static WebhookEndpointEntity toEntity(WebhookEndpoint endpoint) {
        WebhookEndpointEntity row = new WebhookEndpointEntity();
        row.id = endpoint.id().value();
        row.partnerId = endpoint.partnerId().value();
        row.url = endpoint.url();
        row.events = events(endpoint.events());
        row.enabled = endpoint.enabled();
        row.description = endpoint.description();
        row.secret = endpoint.secret().value();
        row.previousSecret = endpoint.previousSecret() == null ? null : endpoint.previousSecret().value();
        row.previousSecretUntil = endpoint.previousSecretUntil();
        row.createdAt = endpoint.createdAt();
        row.updatedAt = endpoint.updatedAt();
        return row;
    }

    private static WebhookEndpoint toDomain(WebhookEndpointEntity row) {
        return new WebhookEndpoint(new WebhookId(row.id), new PartnerId(row.partnerId), row.url, Set.of(row.events),
                row.enabled, row.description, new WebhookSecret(row.secret),
                row.previousSecret == null ? null : new WebhookSecret(row.previousSecret), row.previousSecretUntil,
                row.createdAt, row.updatedAt);
    }
}
