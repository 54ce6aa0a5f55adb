package dev.backlight.support.tenancy;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import dev.backlight.support.problem.ApiException;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, read from the verified bearer token only: the tenant is a token claim and never comes from the
 * request body or path.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    TenantClaim tenantClaim;

    /** The caller's tenant; a 403 problem for a token without one (such as a platform administrator's). */
    public String tenantId() {
        return tenantIdIfAny().orElseThrow(() -> ApiException.forbidden("The token carries no tenant"));
    }

    public Optional<String> tenantIdIfAny() {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        Object claim = token.getClaim(tenantClaim.name);
        String tenant = claim == null ? null : claim.toString().replace("\"", "").trim();
        return tenant == null || tenant.isEmpty() ? Optional.empty() : Optional.of(tenant);
    }

    /** The identity-provider subject ("sub") the caller logs in as. */
    public String subject() {
        return token.getSubject();
    }

    /** The name the caller signs in with at the identity provider. */
    public String username() {
        Object name = token.getClaim("preferred_username");
        return name == null ? subject() : name.toString().replace("\"", "");
    }

    /** The caller's email, only where the identity provider says it verified it. */
    public Optional<String> verifiedEmail() {
        Object email = token.getClaim("email");
        Object verified = token.getClaim("email_verified");
        if (email == null || verified == null || !"true".equals(verified.toString())) {
            return Optional.empty();
        }
        String address = email.toString().replace("\"", "").trim();
        return address.isEmpty() ? Optional.empty() : Optional.of(address);
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean hasAnyRole(String... roles) {
        for (String role : roles) {
            if (identity.hasRole(role)) {
                return true;
            }
        }
        return false;
    }
}
