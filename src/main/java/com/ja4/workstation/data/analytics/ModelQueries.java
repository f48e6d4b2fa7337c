package com.ja4.workstation.data.analytics;

import static com.ja4.workstation.data.schema.WarehouseSchema.ALL_SCORES_TABLE;

import com.ja4.workstation.data.warehouse.Dialect;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.domain.analytics.ModelScoring;
import java.util.List;

/** The Models view's query: how much each model scored in the window, and when. */
public final class ModelQueries {

    private final Warehouse wh;
    private final Dialect d;

    public ModelQueries(Warehouse warehouse) {
        this.wh = warehouse;
        this.d = warehouse.dialect();
    }

    public List<ModelScoring> scoringByModel(TimeWindow w, QueryContext ctx) throws WarehouseException {
        Sql sql = Sql.builder().sql("SELECT model_name, count(*) AS n, min(detected_at) AS first_seen, max(detected_at) AS last_seen FROM "
                        + wh.table(ALL_SCORES_TABLE))
                .sql(" WHERE detected_at >= ").time(d, w.from()).sql(" AND detected_at < ").time(d, w.asOf())
                .sql(" GROUP BY model_name ORDER BY n DESC, model_name").build();
        return wh.query(sql, rs -> new ModelScoring(rs.getString("model_name"), rs.getLong("n"),
                d.readTime(rs, "first_seen"), d.readTime(rs, "last_seen")), ctx);
    }

}
