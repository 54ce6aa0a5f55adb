package dev.backlight.support.tenancy;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The name of the token claim that carries the caller's tenant, read from the configuration once: {@link Caller} is
 * made for every request, and a configuration lookup there was a measurable part of a capture's processor time.
 */
@Singleton
class TenantClaim {

    final String name;

    TenantClaim(@ConfigProperty(name = "backlight.tenant-claim", defaultValue = "tenant") String name) {
        this.name = name;
    }
}
