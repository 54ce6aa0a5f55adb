package dev.backlight.time.reports;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * One day's finished time of one employee on one function (and client): the rollup the hours reports sum. The
 * database keeps it with the entries in their own transactions (see V5__daily_hours.sql); nothing here writes it.
 */
@Entity
@Immutable
@Table(name = "daily_hours")
class DailyHours extends ClientHoursRollup {

    @Column(name = "work_date")
    public LocalDate workDate;
}
