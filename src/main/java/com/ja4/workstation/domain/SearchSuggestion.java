package com.ja4.workstation.domain;

/**
 * An IP or a JA4 of the window whose text contains what the analyst typed in the command palette,
 * with how many scored windows it has there (the busiest first).
 */
public record SearchSuggestion(Kind kind, String value, long scoredWindows) {

    public enum Kind { IP, JA4 }
}
