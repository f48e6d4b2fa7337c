package com.ja4.workstation.ui.table;

/**
 * A filter control of an analyst table's filter bar, bound to one {@code TableFilter} key.
 *
 * @param key     the TableFilter key ({@code TableFilter.SEARCH} or a facet column of the table)
 * @param control how the analyst sets it
 * @param prompt  the prompt text shown while empty (or the leading label of a {@link Control#CHOICE})
 * @param width   preferred width
 * @param id      the control's CSS id (stable for keyboard access and tests)
 */
public record FilterDef(String key, Control control, String prompt, double width, String id) {

    public enum Control {
        /** "Any threat" then the levels by severity; choosing applies at once. */
        THREAT,
        /** Typed text, applied with Apply or Enter. */
        TEXT,
        /** Typed or chosen among the window's most frequent values (editable), applied with Apply or Enter. */
        FACET,
        /** "Any" then the window's values, after a label; choosing applies at once. */
        CHOICE
    }

    public static FilterDef threat(String key, String id) {
        return new FilterDef(key, Control.THREAT, "Threat level", 170, id);
    }

    public static FilterDef text(String key, String prompt, double width, String id) {
        return new FilterDef(key, Control.TEXT, prompt, width, id);
    }

    public static FilterDef facet(String key, String prompt, double width, String id) {
        return new FilterDef(key, Control.FACET, prompt, width, id);
    }

    public static FilterDef choice(String key, String label, double width, String id) {
        return new FilterDef(key, Control.CHOICE, label, width, id);
    }

    /** Filters whose choices come from the window's data. */
    public boolean hasFacet() {
        return control == Control.FACET || control == Control.CHOICE;
    }
}
