package dev.backlight.support.tenancy;

/** The realm roles every Backlight service authorises against (Keycloak realm roles, claim realm_access.roles). */
public final class Roles {
    /** Creates and lists tenants; belongs to no tenant. */
    public static final String PLATFORM_ADMIN = "platform-admin";
    /** Configures its own tenant: profile, employees, functions, clients, period locks. */
    public static final String TENANT_ADMIN = "tenant-admin";
    /** Sees and approves its tenant's time. */
    public static final String MANAGER = "manager";
    /** Logs and sees only their own time. */
    public static final String STAFF = "staff";
    /** Read-only reports and exports, typically a BI tool's service account. */
    public static final String ANALYST = "analyst";

    private Roles() {
    }
}
