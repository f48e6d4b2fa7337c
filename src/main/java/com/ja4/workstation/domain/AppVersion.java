package com.ja4.workstation.domain;

/** The workstation's version, written into every snapshot it makes. */
public final class AppVersion {

    private AppVersion() {
    }

    /** Version from the jar manifest; "dev" when run from classes. */
    public static String current() {
        String v = AppVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
