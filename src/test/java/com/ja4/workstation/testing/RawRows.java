package com.ja4.workstation.testing;

import com.ja4.workstation.service.Workspace;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Whole tables of a DuckDB workspace read as plain maps, for independent computations in Java. */
public final class RawRows {

    private RawRows() {
    }

    public static List<Map<String, Object>> all(Workspace ws, String table) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        try (Connection c = ws.session().warehouse().source().open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object o = rs.getObject(i);
                    if (o instanceof Timestamp ts) o = ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
                    if (o instanceof LocalDateTime l) o = l.toInstant(ZoneOffset.UTC);
                    row.put(md.getColumnName(i), o);
                }
                out.add(row);
            }
        }
        return out;
    }

    public static Instant time(Map<String, Object> row, String col) {
        return (Instant) row.get(col);
    }

    public static double num(Map<String, Object> row, String col) {
        return ((Number) row.get(col)).doubleValue();
    }

    public static String str(Map<String, Object> row, String col) {
        Object o = row.get(col);
        return o == null ? "" : o.toString();
    }
}
