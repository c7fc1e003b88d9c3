package dev.mano.orchestrator.auth;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.convert.converter.Converter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Turns a verified bearer token into the caller's authentication only while the account it was
 * issued to is unchanged: one read of the account by primary key per request (HTTP Basic reads it
 * too), after VerifiedTokens has checked the signature (or remembered that it did). The account
 * gone, its password or role changed since the token was issued (a different credentials version),
 * and the token is refused with a 401 that says why; the client requests a new token and gets the
 * current role. Disabled accounts do not exist: deleting is how access is withdrawn.
 *
 * <p>The read is one plain SELECT outside any transaction, not a JPA find: the repository's
 * read-only transaction (begin, select, commit, entity hydration) cost ~1 ms per request here, as
 * much as everything else a bearer request does.
 */
@Component
class AccountBoundTokens implements Converter<Jwt, AbstractAuthenticationToken> {
    private final JdbcTemplate jdbc;

    AccountBoundTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What a token is checked against: the account's current name, role and credentials version. */
    record AccountState(String username, Role role, int credentialsVersion) {}

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        UUID accountId = accountId(jwt).orElseThrow(() -> new RefusedToken(RefusedToken.Reason.NO_ACCOUNT));
        AccountState account = current(accountId)
                .orElseThrow(() -> new RefusedToken(RefusedToken.Reason.ACCOUNT_DELETED));
        List<String> currentRoles = List.of(account.role().authorities());
        if (!currentRoles.equals(jwt.getClaimAsStringList("roles"))) {
            throw new RefusedToken(RefusedToken.Reason.ROLE_CHANGED);
        }
        if (!(jwt.getClaims().get(TokenIssuer.CREDENTIALS_VERSION) instanceof Number version)
                || version.longValue() != account.credentialsVersion()) {
            throw new RefusedToken(RefusedToken.Reason.CREDENTIALS_CHANGED);
        }
        return new JwtAuthenticationToken(jwt, AuthorityUtils.createAuthorityList(currentRoles), account.username());
    }

    private Optional<AccountState> current(UUID accountId) {
        return jdbc.query("SELECT username, role, credentials_version FROM user_account WHERE id = ?",
                (rs, row) -> new AccountState(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getInt(3)),
                accountId).stream().findFirst();
    }

    private static Optional<UUID> accountId(Jwt jwt) {
        try {
            String id = jwt.getClaimAsString(TokenIssuer.ACCOUNT_ID);
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
