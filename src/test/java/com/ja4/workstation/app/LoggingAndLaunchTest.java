package com.ja4.workstation.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.status.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged app's logging (rolling file in the data folder) and how Main routes its arguments. */
class LoggingAndLaunchTest {

    @TempDir
    Path home;

    @Test
    void productionLogbackWritesARollingFileInTheDataFolder() throws Exception {
        String before = System.getProperty("ja4.home");
        System.setProperty("ja4.home", home.toString());
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        try {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LoggingAndLaunchTest.class.getResource("/logback.xml"));
            for (Status s : context.getStatusManager().getCopyOfStatusList()) {
                assertTrue(s.getLevel() < Status.WARN, "logback.xml: " + s);
            }
            var appender = (RollingFileAppender<?>) context.getLogger("ROOT").getAppender("FILE");
            assertEquals(home.resolve("logs").resolve("ja4-workstation.log").toString(), appender.getFile());
            var policy = (SizeAndTimeBasedRollingPolicy<?>) appender.getRollingPolicy();
            assertTrue(policy.getMaxHistory() > 0, "old files are deleted");
            context.getLogger("com.ja4.workstation.app.Main").info("hello from the test");
            context.stop();
            String written = Files.readString(home.resolve("logs/ja4-workstation.log"));
            assertTrue(written.contains("hello from the test"), written + context.getStatusManager().getCopyOfStatusList());
        } finally {
            context.stop();
            if (before == null) System.clearProperty("ja4.home");
            else System.setProperty("ja4.home", before);
        }
    }

    @Test
    void snapshotFilesFromTheDesktopStartTheGuiAndVersionDoesNot() {
        assertTrue(Main.startsGui(new String[0]));
        assertTrue(Main.startsGui(new String[] {"/home/a/incident.ja4snap"}));
        assertTrue(Main.startsGui(new String[] {"/home/a/demo.duckdb"}));
        assertFalse(Main.startsGui(new String[] {"--version"}));
        assertTrue(Main.isInfoOnly(new String[] {"--version"}));
        assertFalse(Main.isInfoOnly(new String[] {"render", "--view", "overview"}));
    }
}
