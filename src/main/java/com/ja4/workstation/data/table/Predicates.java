package com.ja4.workstation.data.table;

import com.ja4.workstation.data.warehouse.Dialect;
import com.ja4.workstation.data.warehouse.Like;
import com.ja4.workstation.data.warehouse.Sql;
import com.ja4.workstation.domain.ClientIp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The filter predicates the analyst tables share; every value bound. */
public final class Predicates {

    /** How a table stores its client address: IPv6 columns hold ::ffff:a.b.c.d for IPv4 clients; http_logs holds IPv4. */
    public enum IpColumn { IPV6, IPV4 }

    private Predicates() {
    }

    /** {@code AND column = ?} when a value is chosen; nothing for "any". */
    public static void equalsIfSet(Sql.Builder b, String column, String value) {
        if (!value.isEmpty()) b.sql(" AND " + column + " = ?", value);
    }

    /**
     * The free-text search of every analyst table: a whole IP address selects exactly that client
     * (never every address containing its digits), other text any row whose address as shown contains
     * it; in both cases also any row whose {@code textColumns} contain the text literally.
     */
    public static void search(Sql.Builder b, Dialect d, String text, String ipColumn, IpColumn kind, List<String> textColumns) {
        if (text.isEmpty()) return;
        String pattern = Like.contains(text);
        List<String> terms = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        Optional<ClientIp> ip = ClientIp.parse(text);
        if (ip.isEmpty()) {
            terms.add(d.like(d.ipDisplay(ipColumn)));
            values.add(pattern);
        } else if (kind == IpColumn.IPV6) {
            terms.add(d.ipv6Equals(ipColumn));
            values.add(ip.get().v6Text());
        } else if (ip.get().v4Text().isPresent()) { // a real IPv6 client is never in an IPv4 column
            terms.add(d.ipv4Equals(ipColumn));
            values.add(ip.get().v4Text().get());
        }
        for (String c : textColumns) {
            terms.add(d.like(c));
            values.add(pattern);
        }
        b.sql(" AND (" + String.join(" OR ", terms) + ")", values.toArray());
    }
}
