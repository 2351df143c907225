package dev.moments.adapter.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code awards}: one completion of a moment by one user, with its sealed redemption token. For reading only:
 * awards are inserted and change status by plain SQL ({@link PostgresAwardRepository}).
 */
@Entity
@Immutable
@Table(name = "awards")
public class AwardEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "partner_id", nullable = false)
    public String partnerId;

    @Column(name = "moment_id", nullable = false)
    public String momentId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "device_id")
    public String deviceId;

    @Column(nullable = false)
    public int completion;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal reserved;

    @Column(nullable = false)
    public String currency;

    @Column(nullable = false)
    public boolean test;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "token_digest", nullable = false)
    public String tokenDigest;

    @Column(name = "token_sealed")
    public String tokenSealed;

    @Column(name = "earned_at", nullable = false)
    public Instant earnedAt;

    @Column(name = "redeemable_at", nullable = false)
    public Instant redeemableAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public String referrer;

    public String referee;

    public String variant;

    /** What was noticed when it was decided, a JSON array, or null. */
    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(columnDefinition = "jsonb")
    public String risk;
}
