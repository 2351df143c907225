package dev.moments.adapter.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A row of {@code webhook_attempts}: one attempt of a delivery; only plain SQL writes the table. */
@Entity
@Immutable
@Table(name = "webhook_attempts")
public class WebhookAttemptEntity extends PanacheEntityBase {

    @Id
    public long seq;

    @Column(name = "delivery_id", nullable = false)
    public String deliveryId;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;

    @Column(name = "status_code")
    public Integer statusCode;

    @Column(name = "duration_ms", nullable = false)
    public long durationMs;

    public String error;
}
