package dev.moments.adapter.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.ColumnTransformer;

/**
 * A row of {@code user_progress}: one user's progress on one moment, its state as compact JSON text. Inserted once,
 * then only replaced by a single UPDATE statement.
 */
@Entity
@Table(name = "user_progress")
@IdClass(ProgressEntity.Key.class)
public class ProgressEntity extends PanacheEntityBase {

    @Id
    @Column(name = "moment_id")
    public String momentId;

    @Id
    @Column(name = "user_id")
    public String userId;

    @Column(name = "partner_id", nullable = false)
    public String partnerId;

    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(nullable = false, columnDefinition = "jsonb")
    public String state;

    @Column(nullable = false)
    public boolean holdout;

    @Column(name = "last_refusal")
    public String lastRefusal;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The primary key of a {@link ProgressEntity}. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        public String momentId;
        public String userId;

        public Key() {
        }

        public Key(String momentId, String userId) {
            this.momentId = momentId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(momentId, key.momentId)
                    && Objects.equals(userId, key.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(momentId, userId);
        }
    }
}
