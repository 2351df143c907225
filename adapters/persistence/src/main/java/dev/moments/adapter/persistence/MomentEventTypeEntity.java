package dev.moments.adapter.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A row of {@code moment_event_types}: one event type a moment's trigger listens to, indexed by partner. */
@Entity
@Table(name = "moment_event_types")
@IdClass(MomentEventTypeEntity.Key.class)
public class MomentEventTypeEntity extends PanacheEntityBase {

    @Id
    @Column(name = "moment_id")
    public String momentId;

    @Id
    @Column(name = "event_type")
    public String eventType;

    @Column(name = "partner_id", nullable = false)
    public String partnerId;

    /** The primary key of a {@link MomentEventTypeEntity}. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        public String momentId;
        public String eventType;

        public Key() {
        }

        public Key(String momentId, String eventType) {
            this.momentId = momentId;
            this.eventType = eventType;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(momentId, key.momentId)
                    && Objects.equals(eventType, key.eventType);
        }

        @Override
        public int hashCode() {
            return Objects.hash(momentId, eventType);
        }
    }
}
