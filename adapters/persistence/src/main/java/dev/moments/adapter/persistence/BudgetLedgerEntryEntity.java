package dev.moments.adapter.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code budget_ledger}: one movement of a budget, written once (by plain SQL, in the budget row's lock
 * window) and never changed; read through JPQL by the ledger's pages and statements and a partner's month.
 */
@Entity
@Immutable
@Table(name = "budget_ledger")
public class BudgetLedgerEntryEntity extends PanacheEntityBase {

    /** The kinds of movement, as stored in {@code kind}. */
    public enum Kind {
        /** Money added to the total (including the opening amount). */
        TOP_UP,
        /** Money set aside for an award. */
        RESERVE,
        /** A reservation turned into spending. */
        SETTLE,
        /** A reservation given back. */
        RELEASE,
        /** A settled cost given back: the delivery failed for good. */
        REFUND
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "moment_id", nullable = false)
    public String momentId;

    @Column(name = "award_id")
    public String awardId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal amount;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
}
