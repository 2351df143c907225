package dev.moments.adapter.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A row of {@code webhook_deliveries} as the delivery log reads it; only plain SQL writes the table. */
@Entity
@Immutable
@Table(name = "webhook_deliveries")
public class WebhookDeliveryEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false, insertable = false, updatable = false)
    public long seq;

    @Column(name = "partner_id", nullable = false)
    public String partnerId;

    @Column(name = "endpoint_id", nullable = false)
    public String endpointId;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
