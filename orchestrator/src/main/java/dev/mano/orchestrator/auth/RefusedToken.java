package dev.mano.orchestrator.auth;

import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * A bearer token with a valid signature that no longer speaks for its account. Rendered by
 * ProblemAuthErrors as a 401 whose detail says why, so the client knows to request a new token.
 */
final class RefusedToken extends InvalidBearerTokenException {
    private final Reason reason;

    RefusedToken(Reason reason) {
        super(reason.detail);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }

    enum Reason {
        ACCOUNT_DELETED("account-deleted", "the account this token was issued to no longer exists"),
        ROLE_CHANGED("role-changed",
                "token was issued before the account's role changed; request a new one from POST /oauth2/token"),
        CREDENTIALS_CHANGED("credentials-changed",
                "token was issued before the account's credentials changed; request a new one from POST /oauth2/token"),
        NO_ACCOUNT("no-account",
                "token does not name its account (issued before this orchestrator version); request a new one from POST /oauth2/token");

        final String slug;
        final String detail;

        Reason(String slug, String detail) {
            this.slug = slug;
            this.detail = detail;
        }
    }
}
