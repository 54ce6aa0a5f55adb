package dev.backlight.gateway.tenants;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

/**
 * Tenant deletions a platform admin asked for and has yet to confirm, in the gateway's schema so that any replica
 * takes the confirmation. A request replaces the tenant's earlier one; the code expires after {@link #VALID_FOR}.
 */
@ApplicationScoped
class PendingDeletions {

    static final Duration VALID_FOR = Duration.ofMinutes(15);
    /** Letters and digits that cannot be mistaken for one another when typed. */
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final AgroalDataSource database;
    private final SecureRandom random = new SecureRandom();

    PendingDeletions(AgroalDataSource database) {
        this.database = database;
    }

    record Pending(String confirmation, Instant expiresAt) {
    }

    /** Records a new request for the tenant and answers its confirmation code. Blocking. */
    Pending request(String tenantId, String requestedBy, Instant now) throws SQLException {
        StringBuilder code = new StringBuilder("DELETE-");
        for (int i = 0; i < 8; i++) {
            code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
        }
        Pending pending = new Pending(code.toString(), now.plus(VALID_FOR));
        try (Connection connection = database.getConnection();
                PreparedStatement upsert = connection.prepareStatement("""
                        INSERT INTO gateway.tenant_deletion (tenant_id, confirmation, requested_by, expires_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (tenant_id) DO UPDATE SET confirmation = excluded.confirmation,
                               requested_by = excluded.requested_by, expires_at = excluded.expires_at""")) {
            upsert.setString(1, tenantId);
            upsert.setString(2, pending.confirmation());
            upsert.setString(3, requestedBy);
            upsert.setTimestamp(4, Timestamp.from(pending.expiresAt()));
            upsert.executeUpdate();
        }
        return pending;
    }

    /** The tenant's request if {@code confirmation} is its code and it has not expired. Blocking. */
    Optional<Pending> confirmed(String tenantId, String confirmation, Instant now) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT confirmation, expires_at FROM gateway.tenant_deletion WHERE tenant_id = ? AND confirmation = ? AND expires_at > ?")) {
            query.setString(1, tenantId);
            query.setString(2, confirmation);
            query.setTimestamp(3, Timestamp.from(now));
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new Pending(row.getString(1), row.getTimestamp(2).toInstant())) : Optional.empty();
            }
        }
    }

    /** Forgets the tenant's request, and the gateway's own rows of the tenant (its rate-limit buckets). Blocking. */
    void done(String tenantId) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement request = connection.prepareStatement("DELETE FROM gateway.tenant_deletion WHERE tenant_id = ?");
                PreparedStatement buckets = connection.prepareStatement(
                        "DELETE FROM gateway.rate_limit_bucket WHERE id = ? OR id LIKE ?")) {
            request.setString(1, tenantId);
            request.executeUpdate();
            buckets.setString(1, "tenant:" + tenantId);
            buckets.setString(2, "user:" + tenantId.replace("_", "\\_").replace("%", "\\%") + ":%");
            buckets.executeUpdate();
        }
    }
}
