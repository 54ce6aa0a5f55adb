package dev.backlight.time.directory;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.backlight.support.tenancy.TenantScopedEntity;

/** A BPO's client account; back-office time can be logged against one or as shared. */
@Entity
@jakarta.persistence.Table(name = "client_account")
class ClientAccount extends TenantScopedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String code;

    public String name;

    public boolean active;

    @Version
    public long version;
}
