package dev.moments.adapter.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A row of {@code budgets}: one moment's money. Inserted once, then only changed by conditional UPDATE statements
 * in the database, never by writing a loaded entity back.
 */
@Entity
@Table(name = "budgets")
public class BudgetEntity extends PanacheEntityBase {

    @Id
    @Column(name = "moment_id")
    public String momentId;

    @Column(nullable = false)
    public String currency;

    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal total;

    @Column(name = "daily_cap", precision = 19, scale = 4)
    public BigDecimal dailyCap;

    @Column(name = "cost_per_action", nullable = false, precision = 19, scale = 4)
    public BigDecimal costPerAction;

    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal reserved;

    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal spent;

    /** The calendar day (moment's time zone) of {@link #chargedToday}, or {@code null} before the first charge. */
    @Column(name = "charged_day")
    public LocalDate chargedDay;

    /** Reservations made on {@link #chargedDay} less those given back: what the daily cap bounds. */
    @Column(name = "charged_today", nullable = false, precision = 19, scale = 4)
    public BigDecimal chargedToday = BigDecimal.ZERO;
}
