package dev.mano.orchestrator.auth;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call what. Reads need VIEWER, writes need OPERATOR; changing hosts and any access to
 * users needs ADMIN. Callers authenticate with a bearer token from {@code /oauth2/token} or with
 * HTTP Basic (for curl and scripts); either way the account is read on every request, so deleting
 * it or changing its password or role takes effect at once (AccountBoundTokens for tokens). The UI
 * shell, the OpenAPI description and health are public.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /** BCrypt (by the delegating encoder's default), with matches remembered for a few minutes: see VerifiedPasswords. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new VerifiedPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder(), Clock.systemUTC());
    }

    @Bean
    JwtDecoder jwtDecoder(TokenSigningKey signingKey) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(signingKey.key()).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(TokenIssuer.ISSUER));
        return new VerifiedTokens(decoder, Clock.systemUTC());
    }

    /**
     * No observation (timer and span) around each of the ~15 security filters of every request:
     * wrapping them was ~5% of an NS instantiation's CPU under bench/nslcm, and request metrics
     * (http.server.requests) still cover each request as a whole.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, JwtDecoder jwtDecoder, AccountBoundTokens accountBound,
                            ProblemAuthErrors errors) throws Exception {
        http
            .csrf(csrf -> csrf.disable()) // stateless API, credentials never in cookies: no CSRF surface
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .httpBasic(basic -> basic.authenticationEntryPoint(errors))
            .oauth2ResourceServer(o -> o.jwt(j -> j.decoder(jwtDecoder).jwtAuthenticationConverter(accountBound))
                    .authenticationEntryPoint(errors).accessDeniedHandler(errors))
            .exceptionHandling(e -> e.authenticationEntryPoint(errors).accessDeniedHandler(errors))
            .authorizeHttpRequests(auth -> auth
                .requestMatchers("/", "/index.html", "/assets/**", "/favicon.*",
                        "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
                        "/actuator/health/**", "/error", "/oauth2/token").permitAll()
                .requestMatchers("/users/**").hasRole("ADMIN")
                .requestMatchers(HttpMethod.GET, "/**").hasRole("VIEWER")
                .requestMatchers(HttpMethod.HEAD, "/**").hasRole("VIEWER")
                .requestMatchers("/vim/**").hasRole("ADMIN")
                .anyRequest().hasRole("OPERATOR"));
        return http.build();
    }
}
