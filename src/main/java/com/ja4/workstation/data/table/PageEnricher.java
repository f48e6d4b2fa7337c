package com.ja4.workstation.data.table;

import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.TimeWindow;
import java.util.List;

/**
 * Values looked up once per page (and once per 1,000 rows of an export) and added to its rows,
 * such as the TCP/OS verdict of the page's IPs. Supplied by the service layer, which owns the
 * analysis; the data layer only calls it.
 */
@FunctionalInterface
public interface PageEnricher<R> {

    List<R> enrich(TimeWindow w, List<R> rows, QueryContext ctx) throws WarehouseException;

    /** Adds nothing. */
    static <R> PageEnricher<R> none() {
        return (w, rows, ctx) -> rows;
    }
}
