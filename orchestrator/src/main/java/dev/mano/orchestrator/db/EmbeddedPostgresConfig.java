package dev.mano.orchestrator.db;

import dev.mano.orchestrator.ManoProperties;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The default database: a real PostgreSQL started from Maven-shipped binaries, with its data
 * under {@code mano.data-dir/postgres} so a restart keeps the catalog and the ledger. Setting
 * {@code spring.datasource.url} (to anything but {@code embedded}) switches to an external server,
 * as production does.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.datasource.url", matchIfMissing = true, havingValue = "embedded")
public class EmbeddedPostgresConfig {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfig.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(ManoProperties props) throws IOException {
        Path dir = props.dataDir().resolve("postgres").toAbsolutePath();
        Files.createDirectories(dir);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPort(0)
                .start();
        log.info("Embedded PostgreSQL on port {} with data in {}", pg.getPort(), dir);
        return pg;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres pg) {
        return DataSourceBuilder.create()
                .url(pg.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .build();
    }
}
