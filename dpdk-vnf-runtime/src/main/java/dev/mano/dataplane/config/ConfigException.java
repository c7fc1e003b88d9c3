package dev.mano.dataplane.config;

/** The configuration is wrong; the message names the file, the path inside it, and what was expected. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
