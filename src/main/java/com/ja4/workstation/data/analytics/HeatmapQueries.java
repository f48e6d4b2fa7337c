package com.ja4.workstation.data.analytics;

import static com.ja4.workstation.data.schema.WarehouseSchema.HTTP_LOGS_TABLE;

import com.ja4.workstation.data.warehouse.Dialect;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.TimeWindow;
import java.util.List;

/** The Heatmap view's query: HTTP requests per ISO day of week and hour of day (UTC). */
public final class HeatmapQueries {

    private final Warehouse wh;
    private final Dialect d;

    public HeatmapQueries(Warehouse warehouse) {
        this.wh = warehouse;
        this.d = warehouse.dialect();
    }

    /** Non-empty cells only, ordered by day then hour; day 1 = Monday ... 7 = Sunday. */
    public List<HeatCell> requestsByDayAndHour(TimeWindow w, QueryContext ctx) throws WarehouseException {
        String dow = d.dayOfWeek("time");
        String hour = d.hourOfDay("time");
        Sql sql = Sql.builder().sql("SELECT " + dow + " AS dow, " + hour + " AS hod, count(*) AS n FROM " + wh.table(HTTP_LOGS_TABLE))
                .sql(" WHERE time >= ").time(d, w.from()).sql(" AND time < ").time(d, w.asOf())
                .sql(" GROUP BY " + dow + ", " + hour + " ORDER BY dow, hod").build();
        return wh.query(sql, rs -> new HeatCell(rs.getInt("dow"), rs.getInt("hod"), rs.getLong("n")), ctx);
    }

    public record HeatCell(int isoDayOfWeek, int hour, long count) {
    }
}
