package org.linfenatlas.config;

/** A start-up setting is wrong; the message tells the operator what to change. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
