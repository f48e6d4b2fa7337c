package com.ja4.workstation.app;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.data.warehouse.ClickHouseVersion;
import com.ja4.workstation.service.profile.ConnectionProfile;
import com.ja4.workstation.service.profile.LiveConnector;
import com.ja4.workstation.service.profile.PasswordSource;
import com.ja4.workstation.service.profile.ProfileStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A real old ClickHouse: Debian's clickhouse-server package (18.16.1 on Debian 12, installed by
 * scripts/clickhouse-server-deb.sh), started on a free loopback port with a minimal configuration.
 * Test connection and every command that connects name both versions instead of the driver's
 * "Unreadable error message (transport error: 404)".
 */
class OldClickHouseServerTest {

    @TempDir
    static Path dir;
    static Process server;
    static int port;

    @BeforeAll
    static void start() throws Exception {
        Path bin = List.of(Path.of("/usr/bin/clickhouse-server"), Path.of("/usr/sbin/clickhouse-server")).stream()
                .filter(Files::isExecutable).findFirst().orElse(null);
        Assumptions.assumeTrue(bin != null, "Debian's clickhouse-server is not installed (scripts/test.sh installs it with apt-get"
                + " when run as root on Debian; see scripts/clickhouse-server-deb.sh)");
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("users.xml"), """
                <?xml version="1.0"?>
                <yandex>
                  <profiles><default></default></profiles>
                  <users><default><password>secret</password><networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
                    <profile>default</profile><quota>default</quota></default></users>
                  <quotas><default></default></quotas>
                </yandex>
                """);
        Files.writeString(dir.resolve("config.xml"), """
                <?xml version="1.0"?>
                <yandex>
                  <logger><level>warning</level><console>1</console></logger>
                  <http_port>%d</http_port>
                  <listen_host>127.0.0.1</listen_host>
                  <path>%s/data/</path>
                  <tmp_path>%s/tmp/</tmp_path>
                  <user_files_path>%s/user_files/</user_files_path>
                  <users_config>%s/users.xml</users_config>
                  <default_profile>default</default_profile>
                  <default_database>default</default_database>
                  <mark_cache_size>5368709</mark_cache_size>
                </yandex>
                """.formatted(port, dir, dir, dir, dir));
        server = new ProcessBuilder(bin.toString(), "--config-file=" + dir.resolve("config.xml"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("server.log").toFile()).start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (!answers()) {
            if (!server.isAlive() || System.currentTimeMillis() > deadline) {
                Assumptions.abort("clickhouse-server did not start: " + Files.readString(dir.resolve("server.log")));
            }
            Thread.sleep(100);
        }
    }

    private static boolean answers() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/ping").toURL().openConnection();
            c.setConnectTimeout(500);
            return c.getResponseCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.destroy();
            // it waits for idle keep-alive connections (10 s) before stopping: its data is throwaway
            if (!server.waitFor(1, TimeUnit.SECONDS)) server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static ConnectionProfile profile() {
        return ConnectionProfile.of("old-debian", "127.0.0.1", port);
    }

    @Test
    void testConnectionNamesBothVersions() {
        var check = LiveConnector.test(profile(), "secret");
        assertFalse(check.ok());
        assertEquals("18.16.1", check.serverVersion());
        assertTrue(check.message().startsWith("ClickHouse 18.16.1 at 127.0.0.1:" + port + " is too old: the workstation needs"
                + " ClickHouse " + ClickHouseVersion.MINIMUM + " or newer"), check.message());
        assertFalse(check.message().contains("Unreadable") || check.message().contains("404"), check.message());
    }

    @Test
    void aWrongPasswordOnTheOldServerIsStillSaidAsSuch() {
        var check = LiveConnector.test(profile(), "wrong");
        assertFalse(check.ok());
        assertTrue(check.message().startsWith("Authentication failed for user 'default'"), check.message());
    }

    @Test
    void snapshotExportRefusesTheOldServerWithOneLine() throws Exception {
        String home = System.getProperty("ja4.home");
        System.setProperty("ja4.home", dir.resolve("home").toString());
        try {
            ProfileStore.inDataDir().save(profile());
            SnapshotExportCommand cmd = new SnapshotExportCommand();
            cmd.passwords = new PasswordSource(Map.of(PasswordSource.variableName("old-debian"), "secret"));
            StringWriter err = new StringWriter();
            CommandLine cl = new CommandLine(cmd);
            cl.setOut(new PrintWriter(new StringWriter()));
            cl.setErr(new PrintWriter(err));
            Path out = dir.resolve("capture.duckdb");
            int code = cl.execute("--profile", "old-debian", "--out", out.toString());
            assertEquals(1, code);
            assertEquals(1, err.toString().strip().lines().count(), err.toString());
            assertTrue(err.toString().contains("ClickHouse 18.16.1") && err.toString().contains("too old"), err.toString());
            assertFalse(Files.exists(out));
        } finally {
            if (home == null) System.clearProperty("ja4.home");
            else System.setProperty("ja4.home", home);
        }
    }
}
