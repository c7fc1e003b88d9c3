package dev.mano.orchestrator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The NFVO: one stateless server over PostgreSQL and a set of libvirt hosts. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class OrchestratorApplication {
    public static void main(String[] args) {
        SpringApplication.run(OrchestratorApplication.class, args);
    }
}
