package com.ja4.workstation.data.demo;

import com.ja4.workstation.data.schema.ColumnType;
import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.schema.WarehouseSchema;
import com.ja4.workstation.data.snapshot.SnapshotFormat;
import com.ja4.workstation.data.snapshot.SnapshotManifest;
import com.ja4.workstation.io.AtomicOutput;
import com.ja4.workstation.io.PartialFiles;
import com.ja4.workstation.domain.AppVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.duckdb.DuckDBConnection;

/**
 * Writes the demo snapshot: a deterministic day of traffic on two protected sites from
 * residential browsers, search-engine crawlers, scrapers, Masscan, credential stuffers, fuzzers
 * and JA4 spoofers, with the detection pipeline's tables computed from that traffic, plus the
 * ground truth ({@value DemoPopulation#TABLE}). Same options, same content: one seeded random
 * source, fixed iteration order, no clock.
 */
public final class DemoGenerator {

    /** Client IPs per unit of scale. */
    public static final int IPS_PER_SCALE = 2000;
    public static final Duration WINDOW = Duration.ofHours(24);

    private final DemoOptions options;

    public DemoGenerator(DemoOptions options) {
        this.options = options;
    }

    /** Progress of a run: clients written so far out of all, and the phase after them. */
    @FunctionalInterface
    public interface Progress {
        void clients(int done, int total);

        default void phase(String what) {
        }

        Progress NONE = (d, t) -> { };
    }

    /**
     * Generates the snapshot into {@code out} (replaced if present). The file is built under a
     * temporary name in the same folder and moved into place only once complete.
     */
    public DemoSummary generate(Path out) throws IOException {
        return generate(out, Progress.NONE);
    }

    /**
     * As {@link #generate(Path)}, reporting progress. The temporary files are deleted if the run
     * fails, and if the JVM is stopped (Ctrl-C) meanwhile ({@link PartialFiles}).
     */
    public DemoSummary generate(Path out, Progress progress) throws IOException {
        long started = System.nanoTime();
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = AtomicOutput.temporaryBeside(target, ".partial");
        Files.delete(tmp); // DuckDB must create the file itself
        Path wal = tmp.resolveSibling(tmp.getFileName() + ".wal");
        try (PartialFiles.Registration ignored = PartialFiles.register(tmp, wal)) {
            int ips;
            Map<String, Long> rows;
            String checksum;
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + tmp)) {
                DuckDBConnection conn = c.unwrap(DuckDBConnection.class);
                SnapshotFormat.createTables(conn);
                try (Statement s = conn.createStatement()) {
                    s.execute(SnapshotFormat.POPULATION.duckDbDdl());
                }
                ips = new Day(conn, progress).write();
                progress.phase("computing the checksum");
                List<Table> tables = new ArrayList<>(WarehouseSchema.TABLES);
                tables.add(SnapshotFormat.POPULATION);
                rows = SnapshotFormat.rowCounts(conn, "", tables);
                SnapshotManifest manifest = new SnapshotManifest(options.source(), options.asOf(), WINDOW, "", rows,
                        AppVersion.current(), "");
                checksum = SnapshotFormat.checksum(conn, manifest);
                SnapshotFormat.writeManifest(conn, manifest.withChecksum(checksum));
                progress.phase("writing the file");
                try (Statement s = conn.createStatement()) {
                    s.execute("CHECKPOINT");
                }
            }
            PartialFiles.throwIfStopping();
            AtomicOutput.moveIntoPlace(tmp, target);
            return new DemoSummary(target, ips, rows, checksum, Duration.ofNanos(System.nanoTime() - started));
        } catch (SQLException | RuntimeException e) {
            throw new IOException("Cannot write the demo snapshot " + target.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /** Epoch seconds of the start of each whole hour inside [asOf - 24 h, asOf). */
    static long[] hourStarts(Instant asOf) {
        long end = asOf.getEpochSecond();
        long first = Math.floorDiv(end - WINDOW.toSeconds() + 3599, 3600) * 3600;
        List<Long> starts = new ArrayList<>();
        for (long h = first; h + 3600 <= end; h += 3600) starts.add(h);
        return starts.stream().mapToLong(Long::longValue).toArray();
    }

    /** One generation run: the random source, the open appenders and what feedback needs later. */
    private final class Day {
        private final DuckDBConnection conn;
        private final SplittableRandom rng = new SplittableRandom(options.seed());
        private final long[] hours = hourStarts(options.asOf());
        private final Map<String, RowSink> sinks = new LinkedHashMap<>();
        private final long asOf = options.asOf().getEpochSecond();
        private final Progress progress;

        Day(DuckDBConnection conn, Progress progress) {
            this.conn = conn;
            this.progress = progress;
        }

        int write() throws SQLException {
            try {
                for (Table t : WarehouseSchema.TABLES) sinks.put(t.name(), new RowSink(conn, t));
                sinks.put(DemoPopulation.TABLE, new RowSink(conn, SnapshotFormat.POPULATION));
                progress.phase("choosing " + String.format(java.util.Locale.ROOT, "%,d", (long) IPS_PER_SCALE * options.scale()) + " clients");
                List<DemoClient> clients = clients();
                long[] lastSeen = new long[clients.size()];
                for (int i = 0; i < clients.size(); i++) {
                    if (i % 100 == 0) {
                        if (PartialFiles.stopping()) throw new IllegalStateException("stopped before completion (interrupted)");
                        progress.clients(i, clients.size());
                    }
                    lastSeen[i] = writeClient(clients.get(i));
                }
                progress.clients(clients.size(), clients.size());
                new Feedback(rng, asOf).write(clients, lastSeen, sinks.get(WarehouseSchema.SOC_FEEDBACK));
                return clients.size();
            } finally {
                for (RowSink s : sinks.values()) s.close();
            }
        }

        private List<DemoClient> clients() {
            int[] hourOfDay = new int[hours.length];
            for (int i = 0; i < hours.length; i++) {
                hourOfDay[i] = Instant.ofEpochSecond(hours[i]).atZone(ZoneOffset.UTC).getHour();
            }
            ClientFactory factory = new ClientFactory(rng, hourOfDay);
            List<DemoClient> clients = new ArrayList<>();
            for (DemoPopulation p : DemoPopulation.values()) {
                long n = Math.round(p.share() * IPS_PER_SCALE * options.scale());
                for (int i = 0; i < n; i++) {
                    if (i % 1_000 == 0 && PartialFiles.stopping()) throw new IllegalStateException("stopped before completion (interrupted)");
                    clients.add(factory.create(p));
                }
            }
            return clients;
        }

        /** Writes every row of one client; returns its last request time. */
        private long writeClient(DemoClient client) throws SQLException {
            List<Window> windows = new ClientDay(client, hours, rng).windows();
            long first = Long.MAX_VALUE, last = 0;
            Set<String> hosts = new TreeSet<>();
            for (Window w : windows) {
                first = Math.min(first, w.traffic().times()[0]);
                last = Math.max(last, w.traffic().times()[w.traffic().hits() - 1]);
                hosts.add(w.host());
            }
            ClientHistory rec = ClientHistory.of(client, windows.size(), first, last, hosts.size(), asOf, rng);
            for (Window w : windows) writeWindow(client, w, rec);
            sinks.get(WarehouseSchema.IP_RECURRENCE).begin().text(client.ip().v6Text()).integer(rec.recurrence())
                    .time(rec.firstSeen()).time(rec.lastSeen()).integer(rec.daysActive()).integer(rec.distinctHosts()).end();
            sinks.get(DemoPopulation.TABLE).begin().text(client.ip().v6Text()).text(client.population().label()).end();
            return last;
        }

        private void writeWindow(DemoClient c, Window w, ClientHistory rec) throws SQLException {
            Traffic t = w.traffic();
            Agent agent = w.agents().get(0);
            String ip = c.ip().v6Text();
            long start = hours[w.hour()];
            // IPv6 clients never reach the IPv4-only http_logs.src_ip column
            if (c.ip().v4()) {
                RowSink logs = sinks.get(WarehouseSchema.HTTP_LOGS);
                for (int i = 0; i < t.hits(); i++) {
                    logs.begin().time(t.times()[i]).text(c.ip().display()).integer(t.ports()[i]).text(t.methods()[i])
                            .text(w.host()).text(t.paths()[i]).text(agent.httpVersion()).text(t.userAgents()[i])
                            .text(agent.ja4()).text(c.asn().country()).end();
                }
            }
            TcpStack tcp = c.stack();
            sinks.get(WarehouseSchema.AGG_HOST_IP_JA4_1H).begin().time(start).text(w.host()).text(ip).text(agent.ja4())
                    .integer(t.hits()).text(t.userAgents()[0]).integer(tcp.ttl()).integer(tcp.window())
                    .integer(tcp.scale()).integer(tcp.mss()).end();
            for (String view : List.of(WarehouseSchema.AI_FEATURES_1H, WarehouseSchema.THESIS_FEATURES_1H)) {
                RowSink s = sinks.get(view).begin().time(start).text(ip).text(agent.ja4()).text(w.host()).integer(t.hits());
                for (double v : w.features().values()) s.real(v);
                s.text(c.asn().label()).text(c.asn().org()).text(c.asn().country()).text(agent.botName())
                        .text(agent.browserFamily()).end();
            }
            ModelVerdict v = w.verdict();
            long detectedAt = start + w.detectedOffset();
            sinks.get(WarehouseSchema.ALL_SCORES).begin().time(detectedAt).time(start).text(ip).text(agent.ja4())
                    .text(w.host()).text(v.model()).real(v.anomalyScore()).real(v.rawScore()).text(v.threat().name())
                    .integer(t.hits()).real(w.features().get("hit_velocity")).real(v.xgbProb()).real(v.aeReconError())
                    .text(c.asn().org()).text(c.asn().country()).text(agent.browserFamily())
                    .integer(agent.knownBrowser() ? 1 : 0).integer(c.profile().consistency()).end();
            if (v.threat().isThreat()) {
                RowSink s = sinks.get(WarehouseSchema.DETECTED_ANOMALIES).begin().time(detectedAt).text(ip)
                        .text(agent.ja4()).text(w.host()).text(v.model()).real(v.anomalyScore()).text(v.threat().name())
                        .integer(rec.recurrence()).integer(t.hits());
                for (double f : w.features().values()) s.real(f);
                s.text(c.campaignId()).text(c.asn().org()).text(c.asn().country()).text(agent.botName())
                        .text(agent.browserFamily()).end();
            }
        }
    }
}
