package dev.mano.orchestrator.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * OAuth 2.0 client credentials grant (RFC 6749 §4.4), as ETSI SOL013 asks of NFV APIs. A user
 * account is the client: client_id is the user name, client_secret its password, sent as HTTP
 * Basic or as form fields. Errors follow RFC 6749 §5.2, not problem details, because OAuth
 * clients expect that shape.
 */
@RestController
class TokenEndpoint {
    private final UserAccountRepository users;
    private final PasswordEncoder encoder;
    private final TokenIssuer issuer;

    TokenEndpoint(UserAccountRepository users, PasswordEncoder encoder, TokenIssuer issuer) {
        this.users = users;
        this.encoder = encoder;
        this.issuer = issuer;
    }

    @PostMapping(path = "/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Map<String, Object>> token(
            @RequestParam(name = "grant_type", required = false) String grantType,
            @RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(name = "client_secret", required = false) String clientSecret,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        if (!"client_credentials".equals(grantType)) {
            return error(HttpStatus.BAD_REQUEST, "unsupported_grant_type", "only grant_type=client_credentials is supported");
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] pair = decodeBasic(authorization.substring(6));
            if (pair == null) return error(HttpStatus.UNAUTHORIZED, "invalid_client", "malformed Basic credentials");
            clientId = pair[0];
            clientSecret = pair[1];
        }
        if (clientId == null || clientSecret == null) {
            return error(HttpStatus.UNAUTHORIZED, "invalid_client", "client credentials are missing");
        }
        String secret = clientSecret;
        return users.findByUsername(clientId)
                .filter(account -> encoder.matches(secret, account.passwordHash()))
                .map(account -> {
                    TokenIssuer.IssuedToken token = issuer.issue(account);
                    return ResponseEntity.ok()
                            .header(HttpHeaders.CACHE_CONTROL, "no-store")
                            .body(Map.<String, Object>of(
                                    "access_token", token.value(),
                                    "token_type", "Bearer",
                                    "expires_in", token.expiresInSeconds(),
                                    "scope", token.role().name().toLowerCase()));
                })
                .orElseGet(() -> error(HttpStatus.UNAUTHORIZED, "invalid_client", "unknown client or wrong secret"));
    }

    private static String[] decodeBasic(String encoded) {
        try {
            String text = new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            return colon < 0 ? null : new String[] {text.substring(0, colon), text.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String description) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (status == HttpStatus.UNAUTHORIZED) response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"mano\"");
        return response.body(Map.of("error", code, "error_description", description));
    }
}
