package com.ja4.workstation.data.feedback;

import com.ja4.workstation.data.warehouse.DuckDbSource;
import com.ja4.workstation.data.warehouse.UntrustedCatalog;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.feedback.Classification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Classifications made on a snapshot, kept in a small DuckDB file in the workstation's data folder
 * until a live ClickHouse is connected. Each entry has a UUID primary key: adding an entry that is
 * already there does nothing, and a sync marks each id sent once it is written, so reopening,
 * retrying or crashing never duplicates an entry.
 *
 * <p>The file is opened per operation (no lock held between operations) and operations on one file
 * are serialised. Reading a file that does not exist yet gives no entries and creates nothing.
 */
public final class Outbox {

    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();
    private static final String DDL = "CREATE TABLE IF NOT EXISTS outbox (id VARCHAR PRIMARY KEY, created_at TIMESTAMP NOT NULL, "
            + "src_ip VARCHAR NOT NULL, ip_display VARCHAR NOT NULL, classification VARCHAR NOT NULL, comment VARCHAR NOT NULL, "
            + "analyst VARCHAR NOT NULL, source VARCHAR NOT NULL, sent_at TIMESTAMP)";
    private static final String COLUMNS = "id, created_at, src_ip, ip_display, classification, comment, analyst, source, sent_at";
    private static final UntrustedCatalog.TableLayout LAYOUT = new UntrustedCatalog.TableLayout("outbox", java.util.stream.Stream.of(
            "id VARCHAR", "created_at TIMESTAMP", "src_ip VARCHAR", "ip_display VARCHAR", "classification VARCHAR", "comment VARCHAR",
            "analyst VARCHAR", "source VARCHAR", "sent_at TIMESTAMP")
            .map(c -> new UntrustedCatalog.ColumnLayout(c.split(" ")[0], c.split(" ")[1])).toList(), false);

    private final Path file;
    private final Object lock;

    private Outbox(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.lock = LOCKS.computeIfAbsent(this.file, k -> new Object());
    }

    public static Outbox at(Path file) {
        return new Outbox(file);
    }

    public Path file() {
        return file;
    }

    /** Records a new classification with a fresh id; returns the stored entry. */
    public OutboxEntry add(ClientIp ip, Classification c, String comment, String analyst, Instant at) throws OutboxException {
        OutboxEntry e = new OutboxEntry(UUID.randomUUID(), at.truncatedTo(ChronoUnit.SECONDS), ip.v6Text(), ip.display(), c.value(),
                comment, analyst, "snapshot", null);
        add(e);
        return e;
    }

    /** Stores an entry unless its id is already there (idempotent). */
    public void add(OutboxEntry e) throws OutboxException {
        synchronized (lock) {
            try (Session session = open(true); PreparedStatement ps = session.connection().prepareStatement(
                    "INSERT INTO outbox (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
                ps.setString(1, e.id().toString());
                ps.setObject(2, LocalDateTime.ofInstant(e.createdAt(), ZoneOffset.UTC));
                ps.setString(3, e.ipV6());
                ps.setString(4, e.ip());
                ps.setString(5, e.classification());
                ps.setString(6, e.comment());
                ps.setString(7, e.analyst());
                ps.setString(8, e.source());
                ps.setObject(9, e.sentAt() == null ? null : LocalDateTime.ofInstant(e.sentAt(), ZoneOffset.UTC));
                ps.executeUpdate();
            } catch (SQLException ex) {
                throw new OutboxException("Cannot save the classification to the outbox " + file + ": " + firstLine(ex), ex);
            }
        }
    }

    /** Entries not yet written to ClickHouse, oldest first (the order a sync writes them). */
    public List<OutboxEntry> pending() throws OutboxException {
        return select(" WHERE sent_at IS NULL ORDER BY created_at, id");
    }

    /** Pending entries of one client, newest first. */
    public List<OutboxEntry> pendingFor(ClientIp ip) throws OutboxException {
        return select(" WHERE sent_at IS NULL AND src_ip = ? ORDER BY created_at DESC, id", ip.v6Text());
    }

    /** Every entry, sent or not, newest first. */
    public List<OutboxEntry> all() throws OutboxException {
        return select(" ORDER BY created_at DESC, id");
    }

    /** Marks an entry written to ClickHouse; it no longer appears in {@link #pending()}. Idempotent. */
    public void markSent(UUID id) throws OutboxException {
        synchronized (lock) {
            if (!Files.exists(file)) return;
            try (Session session = open(true); PreparedStatement ps = session.connection().prepareStatement(
                    "UPDATE outbox SET sent_at = ? WHERE id = ? AND sent_at IS NULL")) {
                ps.setObject(1, LocalDateTime.ofInstant(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));
                ps.setString(2, id.toString());
                ps.executeUpdate();
            } catch (SQLException ex) {
                throw new OutboxException("Cannot update the outbox " + file + ": " + firstLine(ex), ex);
            }
        }
    }

    private List<OutboxEntry> select(String where, String... params) throws OutboxException {
        synchronized (lock) {
            if (!Files.exists(file)) return List.of();
            try (Session session = open(false)) {
                if (!session.hasTable()) return List.of();
                List<OutboxEntry> out = new ArrayList<>();
                try (PreparedStatement ps = session.connection().prepareStatement("SELECT " + COLUMNS + " FROM outbox" + where)) {
                    for (int i = 0; i < params.length; i++) ps.setString(i + 1, params[i]);
                    ResultSet rs = ps.executeQuery();
                    while (rs.next()) {
                        out.add(new OutboxEntry(UUID.fromString(rs.getString(1)), instant(rs.getObject(2)), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                                instant(rs.getObject(9))));
                    }
                }
                return out;
            } catch (SQLException ex) {
                throw new OutboxException("Cannot read the outbox " + file + ": " + firstLine(ex), ex);
            } catch (RuntimeException ex) {
                throw new OutboxException("The outbox " + file + " is damaged (" + ex.getMessage() + "); move it aside to start a new one.", ex);
            }
        }
    }

    /** An open outbox file: the locked DuckDB it is attached to and a connection using it. */
    private record Session(DuckDbSource source, Connection connection, boolean hasTable) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            try {
                connection.close();
            } finally {
                source.close();
            }
        }
    }

    /**
     * Attaches the file to a locked DuckDB ({@link DuckDbSource#openLocked}: the outbox is a file
     * on disk like any other, so nothing it might carry may run) and checks that it holds the outbox
     * table and nothing else; {@code write} creates the file and the table when missing.
     */
    private Session open(boolean write) throws SQLException, OutboxException {
        if (write) {
            try {
                if (file.getParent() != null) Files.createDirectories(file.getParent());
            } catch (IOException e) {
                throw new SQLException("cannot create folder " + file.getParent() + ": " + e.getMessage(), e);
            }
        }
        DuckDbSource source = DuckDbSource.openLocked(file, write ? DuckDbSource.Access.READ_WRITE : DuckDbSource.Access.READ_ONLY);
        try {
            boolean hasTable;
            try (Connection c = source.inspect(); Statement s = c.createStatement()) {
                hasTable = !UntrustedCatalog.check(c, "The outbox " + file, List.of(LAYOUT)).isEmpty();
                if (!hasTable && write) {
                    s.execute(DDL.replace("CREATE TABLE IF NOT EXISTS outbox", "CREATE TABLE " + DuckDbSource.ALIAS + ".main.outbox"));
                    hasTable = true;
                }
            }
            source.allowQueries();
            return new Session(source, source.open(), hasTable);
        } catch (WarehouseException e) {
            source.close();
            throw new OutboxException(e.getMessage() + " Move it aside to start a new outbox.", e);
        } catch (SQLException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    private static Instant instant(Object o) {
        if (o == null) return null;
        if (o instanceof LocalDateTime ldt) return ldt.toInstant(ZoneOffset.UTC);
        if (o instanceof java.sql.Timestamp ts) return ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
        return LocalDateTime.parse(o.toString().replace(' ', 'T')).toInstant(ZoneOffset.UTC);
    }

    private static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage().strip();
        int nl = m.indexOf('\n');
        return nl > 0 ? m.substring(0, nl) : m;
    }

    /** The outbox could not be read or written; the message says which file and why. */
    public static final class OutboxException extends Exception {
        public OutboxException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
