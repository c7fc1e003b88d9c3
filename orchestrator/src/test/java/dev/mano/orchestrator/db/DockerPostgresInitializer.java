package dev.mano.orchestrator.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.util.Map;

/**
 * Where a Docker engine runs, every Spring test talks to PostgreSQL in a container; elsewhere the
 * same tests use the embedded PostgreSQL that {@code ./mano up} uses. Test code is identical.
 */
public class DockerPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    private static final Logger log = LoggerFactory.getLogger(DockerPostgresInitializer.class);
    private static PostgreSQLContainer container;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        PostgreSQLContainer pg = sharedContainer();
        if (pg == null) {
            return;
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testcontainers-postgres", Map.of(
                "spring.datasource.url", pg.getJdbcUrl(),
                "spring.datasource.username", pg.getUsername(),
                "spring.datasource.password", pg.getPassword())));
    }

    private static synchronized PostgreSQLContainer sharedContainer() {
        if (container == null) {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                log.info("No Docker engine: tests use the embedded PostgreSQL");
                return null;
            }
            container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
        }
        return container;
    }
}
