package com.ja4.workstation.domain.detail;

/** The sections of a detection's detail, in the order the pane shows them. */
public enum SignalGroup {
    IDENTITY("Identity"),
    TLS("TLS / JA4"),
    TCP("TCP verdict"),
    BEHAVIOUR("Behaviour"),
    MODEL("Model scores");

    private final String title;

    SignalGroup(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
