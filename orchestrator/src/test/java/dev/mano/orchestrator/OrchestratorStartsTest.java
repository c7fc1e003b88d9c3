package dev.mano.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Starts the app exactly as {@code ./mano up} does: embedded PostgreSQL, Flyway, real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrchestratorStartsTest {
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @Test
    void migratesTheEmbeddedDatabaseAndCreatesTheAdmin() {
        assertThat(jdbc.queryForObject("select count(*) from user_account where username = 'admin'", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select current_setting('server_version_num')::int", Integer.class))
                .isGreaterThanOrEqualTo(170000);
    }
}
