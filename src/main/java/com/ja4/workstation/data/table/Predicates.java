package com.ja4.workstation.data.table;

import com.ja4.workstation.data.warehouse.Dialect;
import com.ja4.workstation.data.warehouse.Like;
import com.ja4.workstation.data.warehouse.Sql;

/** The filter predicates the analyst tables share; every value bound. */
public final class Predicates {

    private Predicates() {
    }

    /** {@code AND column = ?} when a value is chosen; nothing for "any". */
    public static void equalsIfSet(Sql.Builder b, String column, String value) {
        if (!value.isEmpty()) b.sql(" AND " + column + " = ?", value);
    }

    /** The address (as shown) or the host contains the text literally. */
    public static void ipOrHostContains(Sql.Builder b, Dialect d, String text) {
        String pattern = Like.contains(text);
        b.sql(" AND (" + d.like(d.ipDisplay("src_ip")) + " OR " + d.like("host") + ")", pattern, pattern);
    }
}
