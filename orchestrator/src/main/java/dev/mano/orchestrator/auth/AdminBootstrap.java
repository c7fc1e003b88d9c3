package dev.mano.orchestrator.auth;

import dev.mano.orchestrator.ManoProperties;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Creates the {@code admin} account on first start. Its password is {@code MANO_ADMIN_PASSWORD}
 * (property {@code mano.admin-password}) or, when unset, a random one printed once: after that
 * only its hash exists. Done before the web server opens its port (all singletons are ready, the
 * schema is migrated), so a client that sees the port open can sign in at once: as an
 * ApplicationRunner it ran after, and a script that waited for the port got 401 in between.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private final UserAccountRepository users;
    private final PasswordEncoder encoder;
    private final ManoProperties props;

    AdminBootstrap(UserAccountRepository users, PasswordEncoder encoder, ManoProperties props) {
        this.users = users;
        this.encoder = encoder;
        this.props = props;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (users.findByUsername("admin").isPresent()) {
            return;
        }
        String password = props.adminPassword();
        boolean generated = password == null || password.isBlank();
        if (generated) {
            byte[] bytes = new byte[12];
            new SecureRandom().nextBytes(bytes);
            password = HexFormat.of().formatHex(bytes);
        }
        users.save(new UserAccount("admin", encoder.encode(password), Role.ADMIN));
        if (generated) {
            // Printed, not logged at debug: this is the only time the password can be seen.
            System.out.println("\n  Admin account created: user 'admin', password '" + password + "'"
                    + "\n  (set MANO_ADMIN_PASSWORD to choose it; it is shown only this once)\n");
        } else {
            log.info("Admin account created with the password from MANO_ADMIN_PASSWORD");
        }
    }
}
