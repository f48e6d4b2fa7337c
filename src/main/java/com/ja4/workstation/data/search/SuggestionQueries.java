package com.ja4.workstation.data.search;

import static com.ja4.workstation.data.schema.WarehouseSchema.ALL_SCORES_TABLE;

import com.ja4.workstation.data.warehouse.Dialect;
import com.ja4.workstation.data.warehouse.Like;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.data.warehouse.Warehouse;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.SearchSuggestion;
import com.ja4.workstation.domain.TimeWindow;
import java.util.List;
import java.util.Locale;

/**
 * Query family of the command palette's look-up: the IPs and the JA4s of the window whose text
 * contains a fragment (bound, LIKE-escaped), busiest first. Read from ml_all_scores, which holds
 * every scored client (the legitimate ones too, not only detections).
 */
public final class SuggestionQueries {

    private final Warehouse wh;
    private final Dialect d;

    public SuggestionQueries(Warehouse wh) {
        this.wh = wh;
        this.d = wh.dialect();
    }

    /** IPs whose shown address contains {@code fragment}. */
    public List<SearchSuggestion> ips(String fragment, TimeWindow w, int limit, QueryContext ctx) throws WarehouseException {
        String ip = d.ipDisplay("src_ip");
        Sql sql = inWindow("SELECT " + ip + " AS v, count(*) AS n FROM " + wh.table(ALL_SCORES_TABLE), w)
                .sql(" AND " + d.like(ip), Like.contains(fragment))
                .sql(" GROUP BY src_ip ORDER BY n DESC, v LIMIT ?", limit).build();
        return wh.query(sql, rs -> new SearchSuggestion(SearchSuggestion.Kind.IP, rs.getString("v"), rs.getLong("n")), ctx);
    }

    /** JA4s containing {@code fragment} (JA4 text is lower case but for its ALPN part: compared as typed and lower-cased). */
    public List<SearchSuggestion> ja4s(String fragment, TimeWindow w, int limit, QueryContext ctx) throws WarehouseException {
        Sql sql = inWindow("SELECT ja4 AS v, count(*) AS n FROM " + wh.table(ALL_SCORES_TABLE), w)
                .sql(" AND (" + d.like("ja4"), Like.contains(fragment))
                .sql(" OR " + d.like("ja4") + ")", Like.contains(fragment.toLowerCase(Locale.ROOT)))
                .sql(" GROUP BY ja4 ORDER BY n DESC, v LIMIT ?", limit).build();
        return wh.query(sql, rs -> new SearchSuggestion(SearchSuggestion.Kind.JA4, rs.getString("v"), rs.getLong("n")), ctx);
    }

    private Sql.Builder inWindow(String select, TimeWindow w) {
        return Sql.builder().sql(select)
                .sql(" WHERE detected_at >= ").time(d, w.from())
                .sql(" AND detected_at < ").time(d, w.asOf());
    }
}
