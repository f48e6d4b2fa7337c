package com.ja4.workstation.service.profile;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a profile's password comes from; it is never written to disk. In order: the environment
 * variable {@code JA4_CH_PASSWORD_<PROFILE>} (profile name upper-cased, other characters than
 * letters and digits as '_'), else what the analyst typed in this session (kept in memory only,
 * asked again after a restart).
 */
public final class PasswordSource {

    private final Map<String, String> env;
    private final Map<String, String> session = new ConcurrentHashMap<>();

    public PasswordSource(Map<String, String> environment) {
        this.env = environment;
    }

    public static PasswordSource system() {
        return new PasswordSource(System.getenv());
    }

    public static String variableName(String profileName) {
        return "JA4_CH_PASSWORD_" + profileName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    public Optional<String> find(String profileName) {
        String fromEnv = env.get(variableName(profileName));
        if (fromEnv != null) return Optional.of(fromEnv);
        return Optional.ofNullable(session.get(profileName));
    }

    /** Remembers a typed password for this session only. */
    public void rememberForSession(String profileName, String password) {
        session.put(profileName, password);
    }

    public void forget(String profileName) {
        session.remove(profileName);
    }
}
