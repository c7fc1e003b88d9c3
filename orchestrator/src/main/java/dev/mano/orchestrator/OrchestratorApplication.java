package dev.mano.orchestrator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The NFVO: one stateless server over PostgreSQL and a set of libvirt hosts. It scans all of
 * {@code dev.mano} because the VNFM library contributes its own beans, entities and repositories.
 */
@SpringBootApplication(scanBasePackages = "dev.mano")
@EntityScan("dev.mano")
@EnableJpaRepositories("dev.mano")
@ConfigurationPropertiesScan("dev.mano")
@EnableScheduling
public class OrchestratorApplication {
    public static void main(String[] args) {
        SpringApplication.run(OrchestratorApplication.class, args);
    }
}
