package dev.moments.adapter.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code claims}: what the user chose and gave when claiming an award, for reading. Written once, by plain SQL
 * (the claim's insert runs while the moment's budget row is locked).
 */
@Entity
@Immutable
@Table(name = "claims")
public class ClaimEntity extends PanacheEntityBase {

    @Id
    @Column(name = "award_id")
    public String awardId;

    @Column(name = "partner_id", nullable = false)
    public String partnerId;

    @Column(name = "reward_id", nullable = false)
    public String rewardId;

    /** The shipping address as JSON text with the API's field names, or {@code null}. */
    @Column(columnDefinition = "jsonb")
    public String shipping;

    public String email;

    @Column(name = "claimed_at", nullable = false)
    public Instant claimedAt;
}
