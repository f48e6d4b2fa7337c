package com.ja4.workstation.domain.table;

/** A sort requested by the analyst; the key is checked against the table's whitelist. */
public record SortOrder(String key, boolean ascending) {
    public static SortOrder descending(String key) {
        return new SortOrder(key, false);
    }
}
