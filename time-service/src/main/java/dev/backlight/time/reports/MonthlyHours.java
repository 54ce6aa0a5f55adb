package dev.backlight.time.reports;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * One month's finished time of one employee on one function (and client): what reports over whole months sum. The
 * database keeps it with the entries in their own transactions (see V9__monthly_hours.sql); nothing here writes it.
 */
@Entity
@Immutable
@Table(name = "monthly_hours")
class MonthlyHours extends ClientHoursRollup {

    /** The month's first day. */
    public LocalDate month;
}
