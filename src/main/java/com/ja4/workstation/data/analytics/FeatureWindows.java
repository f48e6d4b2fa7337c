package com.ja4.workstation.data.analytics;

import com.ja4.workstation.data.schema.Table;
import com.ja4.workstation.data.warehouse.Dialect;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.domain.TimeWindow;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Shared pieces of the analytics query families over the 1 h feature views. */
final class FeatureWindows {

    private FeatureWindows() {
    }

    /** {@code SELECT ... FROM table WHERE window_start >= from AND window_start < asOf}. */
    static Sql.Builder select(Warehouse wh, String selectList, Table table, TimeWindow w, Object... selectValues) {
        Dialect d = wh.dialect();
        return Sql.builder().sql("SELECT " + selectList + " FROM " + wh.table(table), selectValues)
                .sql(" WHERE window_start >= ").time(d, w.from()).sql(" AND window_start < ").time(d, w.asOf());
    }

    /** A whole number of any SQL integer type (sum() is HUGEINT in DuckDB, UInt64 in ClickHouse). */
    static long whole(ResultSet rs, String column) throws SQLException {
        Object o = rs.getObject(column);
        return o == null ? 0L : ((Number) o).longValue();
    }

    /** A real number; NULL (average over no rows) is NaN. */
    static double real(ResultSet rs, String column) throws SQLException {
        Object o = rs.getObject(column);
        return o == null ? Double.NaN : ((Number) o).doubleValue();
    }
}
