package com.ja4.workstation.domain.analytics;

/** The tables that record a JA4, as the JA4 profile names them: each may be missing on a live server. */
public enum Ja4Source {
    DETECTIONS, SCORES, SESSIONS, HTTP
}
