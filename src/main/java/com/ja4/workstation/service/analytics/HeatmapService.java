package com.ja4.workstation.service.analytics;

import com.ja4.workstation.data.analytics.HeatmapQueries;
import com.ja4.workstation.data.analytics.HeatmapQueries.HeatCell;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.service.query.QueryScope;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The Heatmap view: HTTP requests by day of week x hour over the 7 days before the as-of time. */
public final class HeatmapService {

    public static final int DAYS = 7;

    private final HeatmapQueries queries;

    public HeatmapService(Warehouse warehouse) {
        this.queries = new HeatmapQueries(warehouse);
    }

    public CompletableFuture<Grid> grid(TimeWindow window, QueryScope scope) {
        TimeWindow w = window.lastDays(DAYS);
        return scope.submit(ctx -> Grid.of(w, queries.requestsByDayAndHour(w, ctx)));
    }

    /** counts[isoDay - 1][hour]; the window actually covered. */
    public record Grid(TimeWindow window, long[][] counts) {
        static Grid of(TimeWindow w, List<HeatCell> cells) {
            long[][] c = new long[7][24];
            for (HeatCell cell : cells) c[cell.isoDayOfWeek() - 1][cell.hour()] += cell.count();
            return new Grid(w, c);
        }

        public long count(int isoDay, int hour) {
            return counts[isoDay - 1][hour];
        }

        public long max() {
            long m = 0;
            for (long[] row : counts) for (long v : row) m = Math.max(m, v);
            return m;
        }

        public long total() {
            long t = 0;
            for (long[] row : counts) for (long v : row) t += v;
            return t;
        }
    }
}
