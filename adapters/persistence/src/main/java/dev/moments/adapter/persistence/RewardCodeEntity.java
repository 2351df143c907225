package dev.moments.adapter.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code reward_codes}, for counting a pool. Codes are added and assigned by plain SQL only (a bulk insert
 * that skips codes already there, and an assignment under {@code FOR UPDATE SKIP LOCKED}), never through this entity.
 */
@Entity
@Immutable
@Table(name = "reward_codes")
public class RewardCodeEntity extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "reward_id", nullable = false)
    public String rewardId;

    @Column(name = "partner_id", nullable = false)
    public String partnerId;

    @Column(nullable = false)
    public String code;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    @Column(name = "award_id")
    public String awardId;

    @Column(name = "assigned_at")
    public Instant assignedAt;
}
