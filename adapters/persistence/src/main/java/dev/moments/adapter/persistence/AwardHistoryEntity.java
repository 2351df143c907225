package dev.moments.adapter.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code award_history}: one status an award took, for reading. Appended by plain SQL (with the award's
 * insert, in a unit's batch, or under the budget lock of a claim or expiry) and never changed. The table's key is
 * (award, seq); {@code seq} alone is unique too (an identity), so it is the entity's id.
 */
@Entity
@Immutable
@Table(name = "award_history")
public class AwardHistoryEntity extends PanacheEntityBase {

    @Id
    public Long seq;

    @Column(name = "award_id", nullable = false)
    public String awardId;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public Instant at;

    public String reason;
}
