package com.ja4.workstation.domain.detail;

/**
 * One column of a detection or a scored window as the analyst reads it.
 *
 * @param column  the pipeline's column name
 * @param group   the detail pane's section
 * @param label   a short name
 * @param meaning one line in plain words
 */
public record Signal(String column, SignalGroup group, String label, String meaning) {

    /** True for the behaviour features, which the detail compares with the baselines of the window. */
    public boolean isFeature() {
        return Signals.BEHAVIOUR_FEATURES.contains(column);
    }
}
