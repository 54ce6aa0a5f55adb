package dev.backlight.time.reports;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** A rollup kept per client too: what reports grouped or filtered by client sum. */
@MappedSuperclass
abstract class ClientHoursRollup extends HoursRollup {

    /** Null for shared time, done for no client in particular. */
    @Column(name = "client_account_id")
    public Long clientAccountId;
}
