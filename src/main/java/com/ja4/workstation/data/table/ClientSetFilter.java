package com.ja4.workstation.data.table;

import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.TimeWindow;
import java.util.Set;

/**
 * A filter that SQL cannot express because its test runs in Java (the UA/stack mismatch needs the
 * TCP fingerprinter): the service layer says which clients pass in the window, and the table keeps
 * their rows with a bound IP predicate, so counting and paging stay exact and happen in the database.
 * Supplied by the service layer, like a {@link PageEnricher}.
 */
@FunctionalInterface
public interface ClientSetFilter {

    /** Display addresses of the clients that pass the filter {@code value} in the window. */
    Set<String> clients(TimeWindow w, String value, QueryContext ctx) throws WarehouseException;
}
