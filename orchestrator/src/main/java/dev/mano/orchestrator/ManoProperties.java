package dev.mano.orchestrator;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the platform itself (everything else is ordinary Spring configuration).
 *
 * @param dataDir where the embedded database and the package store live; a second start reuses it
 * @param adminPassword the admin's password on first start; generated and printed once when empty
 */
@ConfigurationProperties("mano")
public record ManoProperties(@DefaultValue("var") Path dataDir, String adminPassword) {}
