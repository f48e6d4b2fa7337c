package com.ja4.workstation.app;

import picocli.CommandLine.IVersionProvider;

public final class AppVersion implements IVersionProvider {

    /** Version from the jar manifest; "dev" when run from classes. */
    public static String current() {
        String v = AppVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"JA4 Analyst Workstation " + current()};
    }
}
