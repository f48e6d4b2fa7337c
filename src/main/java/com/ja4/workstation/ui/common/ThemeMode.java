package com.ja4.workstation.ui.common;

import java.util.Locale;
import java.util.Optional;

/** Light (AtlantaFX Primer Light) or dark (Primer Dark, for a dark SOC room). */
public enum ThemeMode {
    LIGHT, DARK;

    /** The name on the command line and in the preferences file ("light", "dark"). */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public ThemeMode other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    public static Optional<ThemeMode> parse(String text) {
        if (text == null) return Optional.empty();
        for (ThemeMode m : values()) if (m.cliName().equals(text.strip().toLowerCase(Locale.ROOT))) return Optional.of(m);
        return Optional.empty();
    }
}
