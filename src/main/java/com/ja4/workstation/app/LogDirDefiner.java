package com.ja4.workstation.app;

import ch.qos.logback.core.PropertyDefinerBase;
import com.ja4.workstation.service.AppPaths;
import java.nio.file.Path;

/**
 * Gives logback.xml the logs folder ({@link AppPaths#logsDir()}: the per-user data folder, or the
 * one set by -Dja4.home / JA4_WORKSTATION_HOME), whoever initialises logback first. Falls back to
 * the temporary folder when the data folder cannot be created, so logging never stops the app.
 */
public final class LogDirDefiner extends PropertyDefinerBase {

    @Override
    public String getPropertyValue() {
        try {
            return AppPaths.logsDir().toString();
        } catch (RuntimeException e) {
            return Path.of(System.getProperty("java.io.tmpdir"), "ja4-workstation-logs").toString();
        }
    }
}
