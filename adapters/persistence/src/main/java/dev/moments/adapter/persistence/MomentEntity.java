package dev.moments.adapter.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code moments}: a moment as stored, its trigger and audience as JSON text, its limits as ISO-8601
 * durations. Its status is only ever changed by a compare-and-set UPDATE.
 */
@Entity
@Table(name = "moments")
public class MomentEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "partner_id", nullable = false)
    public String partnerId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String status;

    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(nullable = false, columnDefinition = "jsonb")
    public String trigger;

    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(nullable = false, columnDefinition = "jsonb")
    public String audience;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    @Column(nullable = false)
    public String timezone;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "reward_ids", nullable = false, columnDefinition = "text[]")
    public String[] rewardIds;

    @Column(name = "per_user", nullable = false)
    public int perUser;

    @Column(name = "per_device")
    public Integer perDevice;

    public String cooldown;

    @Column(name = "redeem_after", nullable = false)
    public String redeemAfter;

    @Column(name = "claim_within")
    public String claimWithin;

    @Column(name = "per_ip_max")
    public Integer perIpMax;

    @Column(name = "per_ip_within")
    public String perIpWithin;

    @Column(name = "min_account_age")
    public String minAccountAge;

    /** The price above which completions are held for review (in the budget's currency), or null. */
    @Column(name = "review_above")
    public BigDecimal reviewAbove;

    @Column(name = "review_auto_reject_after")
    public String reviewAutoRejectAfter;

    @Column(name = "holdout_percent", nullable = false)
    public int holdoutPercent;

    public String announcement;

    public String confirmation;

    @Column(name = "email_subject")
    public String emailSubject;

    @Column(name = "email_body")
    public String emailBody;

    /** The outcomes followed, e.g. {@code {"revenue":{"events":["order.completed"],"value":"event.total"}}}. */
    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(columnDefinition = "jsonb")
    public String outcomes;

    /** The variants, e.g. {@code [{"name":"A","weight":50,"costPerAction":"5.00","rewards":["rwd_…"]}]}, or null. */
    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(columnDefinition = "jsonb")
    public String variants;

    @Column(name = "expected_value_per_action")
    public BigDecimal expectedValuePerAction;

    @Column(name = "expected_value_currency")
    public String expectedValueCurrency;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
