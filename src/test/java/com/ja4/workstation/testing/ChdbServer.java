package com.ja4.workstation.testing;

import com.ja4.workstation.data.schema.Column;
import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.warehouse.ClickHouseDialect;
import com.ja4.workstation.data.warehouse.ClickHouseSource;
import com.ja4.workstation.data.warehouse.DatabaseNames;
import com.ja4.workstation.data.warehouse.Warehouse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;

/**
 * A real ClickHouse engine (chDB) behind the test adapter {@code src/test/resources/chdb/chdb_http.py},
 * on 127.0.0.1 with a free port, reached through the production driver path
 * ({@link ClickHouseSource}, jdbc:clickhouse:http://...). The adapter stops itself when this JVM
 * exits (its standard input closes) or after a time limit.
 *
 * <p>The Python comes from -Dja4.chdb.python, JA4_CHDB_PYTHON, or the project's .venv-chdb
 * (scripts/test.sh creates it). Without it the tests that need it are skipped with the reason.
 */
public final class ChdbServer implements AutoCloseable {

    public static final String PASSWORD = "s3cret-test";
    public static final String TIMEZONE_PROPERTY = "ja4.chdb.timezone";
    /** Not UTC and not a whole hour away: a server in local time must not shift hours or buckets. */
    public static final String DEFAULT_SERVER_TIMEZONE = "Asia/Kolkata";

    private static ChdbServer loadedDemo;
    private static String unavailable;

    private final Process process;
    private final int port;
    private final String version;
    private final Path dataDir;
    private final Path log;

    private ChdbServer(Process process, int port, String version, Path dataDir, Path log) {
        this.process = process;
        this.port = port;
        this.version = version;
        this.dataDir = dataDir;
        this.log = log;
    }

    /** The shared server holding the default demo in mabase_prod (skips the test when chDB is unavailable). */
    public static synchronized ChdbServer demo() {
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
        if (loadedDemo == null) {
            try {
                ChdbServer s = start(System.getProperty(TIMEZONE_PROPERTY, DEFAULT_SERVER_TIMEZONE));
                s.loadSnapshot(DemoSnapshots.defaultDemo(), DatabaseNames.DEFAULT.processing());
                loadedDemo = s;
                Runtime.getRuntime().addShutdownHook(new Thread(s::close, "stop-chdb"));
            } catch (ChdbUnavailable e) {
                unavailable = e.getMessage();
                Assumptions.abort(unavailable);
            }
        }
        return loadedDemo;
    }

    /** Path of the Python with chdb, or null. */
    public static Path python() {
        String p = System.getProperty("ja4.chdb.python", System.getenv("JA4_CHDB_PYTHON"));
        if (p != null && !p.isBlank()) return Path.of(p);
        Path venv = Path.of(System.getProperty("user.dir")).resolve(".venv-chdb/bin/python");
        return Files.isExecutable(venv) ? venv : null;
    }

    /** A new, empty server (own data folder) with the given server time zone. */
    public static ChdbServer start(String timezone) throws ChdbUnavailable {
        Path python = python();
        if (python == null) {
            throw new ChdbUnavailable("chDB is not installed: run scripts/test.sh (creates .venv-chdb with pip install chdb) "
                    + "or pass -Dja4.chdb.python=/path/to/python-with-chdb");
        }
        try {
            Path dir = Files.createTempDirectory("ja4-chdb-");
            Path script = dir.resolve("chdb_http.py");
            try (InputStream in = ChdbServer.class.getResourceAsStream("/chdb/chdb_http.py")) {
                Files.copy(in, script);
            }
            Path log = dir.resolve("adapter.log");
            ProcessBuilder pb = new ProcessBuilder(python.toString(), script.toString(), "--data", dir.resolve("data").toString(),
                    "--port", "0", "--password", PASSWORD, "--timezone", timezone, "--log", log.toString(), "--ttl", "3600");
            pb.redirectError(dir.resolve("adapter.stderr").toFile());
            Process p = pb.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    return null;
                }
            });
            String first;
            try {
                first = line.get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                first = null;
            }
            if (first == null || !first.startsWith("LISTENING ")) {
                p.destroyForcibly();
                String err = Files.exists(dir.resolve("adapter.stderr")) ? Files.readString(dir.resolve("adapter.stderr")) : "";
                throw new ChdbUnavailable("chDB adapter did not start with " + python + ": " + first + " " + tail(err));
            }
            String[] parts = first.split(" ", 3);
            return new ChdbServer(p, Integer.parseInt(parts[1]), parts.length > 2 ? parts[2] : "?", dir, log);
        } catch (IOException e) {
            throw new ChdbUnavailable("chDB adapter could not be started: " + e);
        }
    }

    private static String tail(String s) {
        return s.length() > 1500 ? s.substring(s.length() - 1500) : s;
    }

    public int port() {
        return port;
    }

    public String version() {
        return version;
    }

    public Path log() {
        return log;
    }

    public String url() {
        return "jdbc:clickhouse:http://127.0.0.1:" + port;
    }

    public ClickHouseSource source(String password) {
        return new ClickHouseSource(url(), "default", password, 5000, 120, false, null, "ClickHouse chdb-test");
    }

    public Warehouse warehouse() {
        return new Warehouse(source(PASSWORD), ClickHouseDialect.INSTANCE, DatabaseNames.DEFAULT, Duration.ofMinutes(2));
    }

    public Connection connect() throws SQLException {
        return source(PASSWORD).open();
    }

    /** Makes the adapter drop every query (link cut) or answer again. */
    public void refuse(boolean on) {
        control("/__refuse?on=" + (on ? "1" : "0"));
    }

    /** Query ids that KILL QUERY named so far. */
    public String kills() {
        return control("/__kills");
    }

    private String control(String path) {
        try {
            HttpClient c = HttpClient.newHttpClient();
            return c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Creates every table of the schema with the production DDL (IPv6, LowCardinality, MergeTree)
     * in {@code database} and copies the snapshot's rows: DuckDB writes Parquet (times as epoch
     * seconds), ClickHouse reads it with file() converting IP text with toIPv6/toIPv4.
     */
    public void loadSnapshot(Path snapshot, String database) {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:" + snapshot.toAbsolutePath(), readOnly());
             Connection ch = connect(); Statement cs = ch.createStatement(); Statement ds = duck.createStatement()) {
            cs.execute("CREATE DATABASE IF NOT EXISTS `" + database + "`");
            for (Table t : WarehouseSchema.TABLES) {
                cs.execute(t.clickHouseDdl(database));
                Path parquet = dataDir.resolve(t.name() + ".parquet");
                ds.execute("COPY (SELECT " + t.columns().stream().map(ChdbServer::duckExport).collect(Collectors.joining(", "))
                        + " FROM " + t.name() + ") TO '" + parquet + "' (FORMAT parquet)");
                cs.execute("INSERT INTO `" + database + "`.`" + t.name() + "` SELECT "
                        + t.columns().stream().map(ChdbServer::chImport).collect(Collectors.joining(", "))
                        + " FROM file('" + parquet + "', Parquet)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Loading the fixture into chDB failed: " + e.getMessage() + " (log " + log + ")", e);
        }
    }

    private static java.util.Properties readOnly() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("duckdb.read_only", "true");
        return p;
    }

    private static String duckExport(Column c) {
        return switch (c.type()) {
            case DATETIME -> "epoch(" + c.name() + ")::BIGINT AS " + c.name();
            default -> c.name();
        };
    }

    private static String chImport(Column c) {
        String n = "`" + c.name() + "`";
        return switch (c.type()) {
            case DATETIME -> "toDateTime(" + n + ", 'UTC')";
            case IPV4 -> "toIPv4(" + n + ")";
            case IPV6 -> "toIPv6(" + n + ")";
            case UINT8 -> "toUInt8(" + n + ")";
            case UINT16 -> "toUInt16(" + n + ")";
            case UINT32 -> "toUInt32(" + n + ")";
            case UINT64 -> "toUInt64(" + n + ")";
            case FLOAT64 -> "toFloat64(" + n + ")";
            default -> "toString(" + n + ")";
        } + " AS " + n;
    }

    public String adapterLog() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close(); // the adapter exits when its stdin closes
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
        try (java.util.stream.Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }

    /** chDB cannot run here; the message says why. */
    public static final class ChdbUnavailable extends Exception {
        public ChdbUnavailable(String message) {
            super(message);
        }
    }

    @SuppressWarnings("unused")
    private static List<String> lines(String s) {
        return new ArrayList<>(List.of(s.split("\n")));
    }
}
