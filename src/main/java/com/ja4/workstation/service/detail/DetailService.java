package com.ja4.workstation.service.detail;

import com.ja4.workstation.analysis.fingerprint.OsFinding;
import com.ja4.workstation.data.detail.RowQueries;
import com.ja4.workstation.data.ip.IpQueries;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.ClientIp;
import com.ja4.workstation.domain.Ja4;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.detail.Signal;
import com.ja4.workstation.domain.detail.SignalGroup;
import com.ja4.workstation.domain.detail.Signals;
import com.ja4.workstation.domain.ip.FeatureWindow;
import com.ja4.workstation.domain.ip.RadarBaselines;
import com.ja4.workstation.domain.ip.TcpTuple;
import com.ja4.workstation.domain.table.Detection;
import com.ja4.workstation.domain.table.FullRow;
import com.ja4.workstation.domain.table.RowKey;
import com.ja4.workstation.domain.table.Score;
import com.ja4.workstation.service.os.OsLookup;
import com.ja4.workstation.service.query.QueryScope;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The detail pane's data: one detection or scored window read whole by its key, with the
 * baselines of the window (the radar's query, all 19 features; kept for the last few windows, so
 * going down a table costs one row query and one SYN lookup per row), the client's TCP/OS verdict
 * and, for a scored window, the feature window of its hour. The queries of one row run in
 * parallel on the caller's scope.
 */
public final class DetailService {

    private static final int CACHED_WINDOWS = 4;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final Warehouse warehouse;
    private final RowQueries rows;
    private final IpQueries ip;
    private final Map<TimeWindow, RadarBaselines> baselines = Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<TimeWindow, RadarBaselines> e) {
            return size() > CACHED_WINDOWS;
        }
    });

    public DetailService(Warehouse warehouse) {
        this.warehouse = warehouse;
        this.rows = new RowQueries(warehouse);
        this.ip = new IpQueries(warehouse);
    }

    /** The detail of a detection; empty when the source no longer holds it. */
    public CompletableFuture<Optional<RowDetail>> detection(Detection row, TimeWindow w, QueryScope scope) {
        return detail(RowDetail.Kind.DETECTION, RowKey.of(row), w, scope);
    }

    /** The detail of a scored window; empty when the source no longer holds it. */
    public CompletableFuture<Optional<RowDetail>> score(Score row, TimeWindow w, QueryScope scope) {
        return detail(RowDetail.Kind.SCORE, RowKey.of(row), w, scope);
    }

    public CompletableFuture<Optional<RowDetail>> detail(RowDetail.Kind kind, RowKey key, TimeWindow w, QueryScope scope) {
        var full = scope.submit(ctx -> read(kind, key, ctx));
        var base = baselines(w, scope);
        var tcp = scope.submit(ctx -> tcp(key.ip(), w, ctx));
        var window = kind == RowDetail.Kind.SCORE ? scope.submit(ctx -> featureWindow(key, ctx))
                : CompletableFuture.completedFuture(Optional.<FeatureWindow>empty());
        return CompletableFuture.allOf(full, base, tcp, window)
                .thenApply(v -> full.join().map(r -> assemble(kind, r, base.join(), tcp.join(), window.join())));
    }

    /** As {@link #detail(RowDetail.Kind, RowKey, TimeWindow, QueryScope)}, blocking (tests, commands). */
    public Optional<RowDetail> detail(RowDetail.Kind kind, RowKey key, TimeWindow w, QueryContext ctx) throws WarehouseException {
        Optional<FullRow> full = read(kind, key, ctx);
        if (full.isEmpty()) return Optional.empty();
        Optional<FeatureWindow> fw = kind == RowDetail.Kind.SCORE ? featureWindow(key, ctx) : Optional.empty();
        return Optional.of(assemble(kind, full.get(), baselines(w, ctx), tcp(key.ip(), w, ctx), fw));
    }

    /** The baselines of the window (all 19 behaviour features), read once per window. */
    public RadarBaselines baselines(TimeWindow w, QueryContext ctx) throws WarehouseException {
        RadarBaselines b = baselines.get(w);
        if (b == null) {
            b = ip.radarBaselines(w, ctx);
            baselines.put(w, b);
        }
        return b;
    }

    private CompletableFuture<RadarBaselines> baselines(TimeWindow w, QueryScope scope) {
        RadarBaselines b = baselines.get(w);
        return b != null ? CompletableFuture.completedFuture(b) : scope.submit(ctx -> baselines(w, ctx));
    }

    private Optional<FullRow> read(RowDetail.Kind kind, RowKey key, QueryContext ctx) throws WarehouseException {
        return kind == RowDetail.Kind.DETECTION ? rows.detection(key, ctx) : rows.score(key, ctx);
    }

    private Optional<FeatureWindow> featureWindow(RowKey key, QueryContext ctx) throws WarehouseException {
        return Optional.ofNullable(ScoreWindows.match(List.of(key), rows.featureWindows(List.of(key), ctx)).get(key));
    }

    private TcpDetail tcp(String ipText, TimeWindow w, QueryContext ctx) throws WarehouseException {
        Optional<ClientIp> client = ClientIp.parse(ipText);
        if (client.isEmpty()) return TcpDetail.NONE;
        List<TcpTuple> tuples = OsLookup.tuples(warehouse, w, List.of(client.get()), ctx);
        if (tuples.isEmpty()) return TcpDetail.NONE;
        TcpTuple main = tuples.get(0); // most hits first
        return new TcpDetail(main, OsFinding.of(OsLookup.classify(main), main.firstUa()), tuples.size());
    }

    /** The pane's groups from the row's columns, in the catalogue's order. */
    static RowDetail assemble(RowDetail.Kind kind, FullRow read, RadarBaselines b, TcpDetail tcp, Optional<FeatureWindow> fw) {
        FullRow row = read.with("os", tcp.finding() == null ? "" : OsLookup.label(tcp.finding().verdict()));
        if (fw.isPresent()) row = row.withAll(ScoreWindows.columnsOf(fw.get()));
        Map<SignalGroup, List<SignalValue>> groups = new EnumMap<>(SignalGroup.class);
        for (SignalGroup g : SignalGroup.values()) groups.put(g, new ArrayList<>());
        List<SignalValue> features = new ArrayList<>();
        for (Signal s : Signals.all()) {
            if (!row.has(s.column())) continue;
            Object value = row.get(s.column());
            SignalValue v = SignalValue.plain(s, value);
            if (s.isFeature()) {
                double x = row.number(s.column());
                v = new SignalValue(s, value, b.humanWindows() > 0 ? b.human().getOrDefault(s.column(), 0.0) : null,
                        b.datacenterWindows() > 0 ? b.datacenter().getOrDefault(s.column(), 0.0) : null,
                        HumanDistance.of(s.column(), x, b));
                features.add(v);
            }
            groups.get(s.group()).add(v);
        }
        List<RowDetail.Section> sections = new ArrayList<>();
        groups.forEach((g, values) -> sections.add(new RowDetail.Section(g, values)));
        String source = kind == RowDetail.Kind.DETECTION ? "the detection's own columns"
                : fw.map(w -> "the feature window of the hour from " + HOUR.format(w.windowStart()) + " UTC (view_ai_features_1h)")
                        .orElse("no feature window of this hour: only the scored window's velocity");
        return new RowDetail(kind, row, sections, HumanDistance.whyItFired(features, HumanDistance.WHY_COUNT),
                Ja4.parse(row.text("ja4")), tcp, b, source);
    }
}
