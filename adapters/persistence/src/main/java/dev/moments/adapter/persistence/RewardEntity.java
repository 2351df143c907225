package dev.moments.adapter.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code rewards}: an item of a partner's catalog. */
@Entity
@Table(name = "rewards")
public class RewardEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "partner_id", nullable = false)
    public String partnerId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal cost;

    @Column(nullable = false)
    public String currency;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] countries;

    @Column(nullable = false)
    public String provider;

    public String description;

    @Column(name = "image_url")
    public String imageUrl;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
