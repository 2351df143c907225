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
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code idempotency_keys}, as read back after a claim. Claimed, completed and deleted by plain SQL only
 * (an insert that does nothing on conflict, a conditional update, a {@code SKIP LOCKED} delete).
 */
@Entity
@Immutable
@Table(name = "idempotency_keys")
@IdClass(IdempotencyKeyEntity.Key.class)
public class IdempotencyKeyEntity extends PanacheEntityBase {

    @Id
    public String scope;

    @Id
    @Column(name = "key")
    public String idempotencyKey;

    @Column(nullable = false)
    public String fingerprint;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The response's HTTP status, {@code null} until the claiming transaction completes the key. */
    public Integer status;

    @Column(name = "content_type")
    public String contentType;

    public byte[] body;

    public String location;

    /** The primary key of an {@link IdempotencyKeyEntity}. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        public String scope;
        public String idempotencyKey;

        public Key() {
        }

        public Key(String scope, String idempotencyKey) {
            this.scope = scope;
            this.idempotencyKey = idempotencyKey;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(scope, key.scope)
                    && Objects.equals(idempotencyKey, key.idempotencyKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(scope, idempotencyKey);
        }
    }
}
