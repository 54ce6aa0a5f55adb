package dev.backlight.time.reports;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * One month's finished time of one employee on one function, whatever the client, and the days it was spread over:
 * what reports over whole months read when they neither group nor filter by client. The database keeps it with the
 * entries in their own transactions (see V10__monthly_days.sql); nothing here writes it.
 */
@Entity
@Immutable
@Table(name = "monthly_days")
class MonthlyDays extends HoursRollup {

    /** The month's first day. */
    public LocalDate month;

    /** Days of the month with finished time on the function: its person-days. */
    public int days;
}
