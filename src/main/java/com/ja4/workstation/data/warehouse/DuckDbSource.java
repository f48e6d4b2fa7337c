package com.ja4.workstation.data.warehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDriver;

/**
 * A DuckDB database file. One database instance is kept open; each query gets a duplicate
 * connection so that a view's queries can run in parallel.
 *
 * <p>A file this process did not create (a snapshot from someone else, the outbox, the demo made by
 * an earlier run) is opened with {@link #openLocked}: an in-memory DuckDB whose external access,
 * extension loading and installing are switched off and whose configuration is locked, with the
 * file ATTACHed under the alias {@link #ALIAS} but kept off the search path. Nothing the file
 * carries (a view, a macro) can read another file, reach the network or shadow a built-in function
 * until the caller has inspected its catalog through {@link #inspect()} and called
 * {@link #allowQueries()}; only then do {@link #open()} connections use it as their database.
 */
public final class DuckDbSource implements ConnectionSource {

    /** Name under which a locked file is attached. */
    public static final String ALIAS = "untrusted";

    private final Path file;
    private final DuckDBConnection base;
    private final boolean locked;
    private volatile boolean queriesAllowed;

    private DuckDbSource(Path file, DuckDBConnection base, boolean locked) {
        this.file = file;
        this.base = base;
        this.locked = locked;
        this.queriesAllowed = !locked;
    }

    /**
     * Opens a file that this process created itself (a file it is writing, a scratch database in a
     * test). Any other file goes through {@link #openLocked}.
     */
    public static DuckDbSource open(Path file, boolean readOnly) throws WarehouseException {
        if (readOnly && !Files.isRegularFile(file)) {
            throw new WarehouseException("Snapshot file not found: " + file);
        }
        Properties props = engineSettings();
        if (readOnly) props.setProperty("duckdb.read_only", "true");
        try {
            // DuckDB's driver directly: DriverManager would first load every JDBC driver (ClickHouse's too), ~0.1 s at start-up
            Connection c = new DuckDBDriver().connect("jdbc:duckdb:" + file.toAbsolutePath(), props);
            return new DuckDbSource(file, c.unwrap(DuckDBConnection.class), false);
        } catch (SQLException e) {
            throw new WarehouseException("Cannot open " + file.getFileName() + " as a snapshot: " + Warehouse.reason(e), e);
        }
    }

    /**
     * The engine's settings, given when the database is opened (they hold for every duplicate
     * connection, and a locked database cannot change them later).
     *
     * <p>{@code jdbc_stream_results}: a result is handed to JDBC chunk by chunk as it is read instead
     * of being materialised whole in native memory first, outside {@code memory_limit} and beside the
     * sort that made it: exporting 2.1 million HTTP-log rows to CSV took the resident set from 0.7 to
     * 1.7 GB that way. Each query has a connection of its own
     * ({@link #open()}), so the driver's condition, one open result per connection, always holds.
     *
     * <p>{@code memory_limit}: see {@link #memoryLimitMib()}. {@code threads} keeps DuckDB's default
     * (one per core): the views run their queries in parallel on the instance's one pool of
     * threads, and per-thread state is inside the memory limit.
     */
    static Properties engineSettings() {
        Properties p = new Properties();
        p.setProperty(DuckDBDriver.JDBC_STREAM_RESULTS, "true");
        p.setProperty("memory_limit", memoryLimitMib() + "MiB");
        return p;
    }

    /**
     * Half the Java heap's limit, at least 256 MiB: whoever sized the application (the launcher's
     * -Xmx, or the JVM's default of a quarter of the RAM) sized its database engine too, instead of
     * DuckDB's default of 80% of the RAM beside a Java heap of its own. Beyond it DuckDB spills sorts,
     * joins and aggregates to the instance's temporary folder. With 256 MiB the x10 demo's largest
     * work (the snapshot check, the 2.1 million-row sort of a Traffic export) ran no slower than
     * without a limit (13-14 s for the export against 18-20 s, on a loaded machine).
     */
    static long memoryLimitMib() {
        return Math.max(256, (Runtime.getRuntime().maxMemory() >> 20) / 2);
    }

    /** How a locked file is attached. */
    public enum Access {
        /**
         * Read only. DuckDB still replays a write-ahead log ({@code FILE.wal}) found beside the file;
         * callers that must see the file's bytes alone refuse a file that has one.
         */
        READ_ONLY,
        /** Read and write (the outbox); the file is created when missing. */
        READ_WRITE
    }

    /**
     * Attaches {@code file} to a fresh in-memory DuckDB that can reach nothing else: only the file
     * and its write-ahead log (which DuckDB looks for even read-only) are allowed paths, external
     * access, extension autoload/autoinstall and community extensions are off, spilling goes to a
     * folder of its own in the temporary directory, and the configuration is locked before the ATTACH. The
     * driver's message is kept in the exception; callers word it for the analyst.
     */
    public static DuckDbSource openLocked(Path file, Access access) throws SQLException {
        Path abs = file.toAbsolutePath().normalize();
        List<String> allowed = List.of(abs.toString(), abs + ".wal");
        Connection c = new DuckDBDriver().connect("jdbc:duckdb:", engineSettings()); // not DriverManager: see open
        try (Statement s = c.createStatement()) {
            s.execute("SET allowed_paths = [" + String.join(", ", allowed.stream().map(Sql::literal).toList()) + "]");
            s.execute("SET temp_directory = " + Sql.literal(tempDirectory()));
            s.execute("SET enable_external_access = false");
            s.execute("SET autoload_known_extensions = false");
            s.execute("SET autoinstall_known_extensions = false");
            s.execute("SET allow_community_extensions = false");
            s.execute("SET lock_configuration = true");
            s.execute("ATTACH " + Sql.literal(abs.toString()) + " AS " + ALIAS
                    + (access == Access.READ_WRITE ? "" : " (READ_ONLY)"));
            return new DuckDbSource(file, c.unwrap(DuckDBConnection.class), true);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /**
     * A spill folder of its own for each database (DuckDB names its spill files alike in every
     * instance): created by DuckDB only if it spills, and removed by it on close.
     */
    private static String tempDirectory() {
        String name = "ja4-workstation-duckdb-" + ProcessHandle.current().pid() + "-" + INSTANCES.incrementAndGet();
        return Path.of(System.getProperty("java.io.tmpdir"), name).toAbsolutePath().toString();
    }

    private static final java.util.concurrent.atomic.AtomicLong INSTANCES = new java.util.concurrent.atomic.AtomicLong();

    public Path file() {
        return file;
    }

    /** True when opened with {@link #openLocked}. */
    public boolean isLocked() {
        return locked;
    }

    /**
     * A connection whose default database is the empty in-memory one: the attached file is reached
     * only through names qualified with {@link #ALIAS}, and functions resolve to DuckDB's built-ins.
     * For the catalog checks and the integrity check that run before {@link #allowQueries()}.
     */
    public Connection inspect() throws SQLException {
        return base.duplicate();
    }

    /** From now on {@link #open()} connections use the attached file as their database. */
    public void allowQueries() {
        queriesAllowed = true;
    }

    @Override
    public Connection open() throws SQLException {
        if (!queriesAllowed) throw new SQLException("The file " + file.getFileName() + " has not been checked yet");
        Connection c = base.duplicate();
        if (locked) {
            try (Statement s = c.createStatement()) {
                s.execute("USE " + ALIAS);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        }
        return c;
    }

    @Override
    public String describe() {
        return "Snapshot " + file.getFileName();
    }

    @Override
    public void close() {
        try {
            base.close();
        } catch (SQLException ignored) {
            // closing a read-only file: nothing to lose
        }
    }
}
