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

/** A row of {@code events}: an event received, once per (partner, event id), with its outcome as JSON text. */
@Entity
@Table(name = "events")
@IdClass(EventEntity.Key.class)
public class EventEntity extends PanacheEntityBase {

    @Id
    @Column(name = "partner_id")
    public String partnerId;

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(nullable = false)
    public String fingerprint;

    @Column(nullable = false)
    public String type;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(columnDefinition = "jsonb")
    public String outcome;

    /** The primary key of an {@link EventEntity}. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        public String partnerId;
        public String eventId;

        public Key() {
        }

        public Key(String partnerId, String eventId) {
            this.partnerId = partnerId;
            this.eventId = eventId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(partnerId, key.partnerId)
                    && Objects.equals(eventId, key.eventId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(partnerId, eventId);
        }
    }
}
