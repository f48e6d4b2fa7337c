package com.ja4.workstation.app;

import com.ja4.workstation.domain.AppVersion;
import picocli.CommandLine.IVersionProvider;

/** --version of every command. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"JA4 Analyst Workstation " + AppVersion.current()};
    }
}
