package dev.moments.adapter.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code fulfillments}: the delivery of a claim by its provider, for reading. Inserted with its claim and then
 * changed by compare-and-set on its status, both by plain SQL.
 */
@Entity
@Immutable
@Table(name = "fulfillments")
public class FulfillmentEntity extends PanacheEntityBase {

    @Id
    @Column(name = "award_id")
    public String awardId;

    @Column(nullable = false)
    public String provider;

    @Column(nullable = false)
    public String status;

    public String reference;

    public String code;

    public String reason;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
