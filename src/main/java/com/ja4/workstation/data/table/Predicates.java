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

    /** {@code AND column LIKE '%value%'} with the value taken literally, when a value is set. */
    public static void containsIfSet(Sql.Builder b, Dialect d, String column, String value) {
        if (!value.isEmpty()) b.sql(" AND " + d.like(column), Like.contains(value));
    }

    /**
     * {@code AND column IN (…)}: only the rows of these clients (display addresses, each bound); no
     * row at all for an empty set. Addresses that do not parse are left out.
     */
    public static void clientIn(Sql.Builder b, Dialect d, String column, IpColumn kind, java.util.Collection<String> displayIps) {
        List<String> values = new ArrayList<>();
        for (String s : displayIps) {
            ClientIp.parse(s).ifPresent(ip -> {
                if (kind == IpColumn.IPV6) values.add(ip.v6Text());
                else ip.v4Text().ifPresent(values::add);
            });
        }
        if (values.isEmpty()) {
            b.sql(" AND 1 = 0");
            return;
        }
        java.util.Collections.sort(values); // the same set gives the same statement
        b.sql(" AND " + (kind == IpColumn.IPV6 ? d.ipv6InList(column, values.size()) : d.ipv4InList(column, values.size())),
                values.toArray());
    }

    /**
     * The free-text search of every analyst table: a whole IP address selects exactly that client
     * and nothing else (never every address containing its digits, nor a path or host that quotes
     * it); other text any row whose address as shown or whose {@code textColumns} contain it literally.
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
        } else {
            terms.add("1 = 0");
        }
        if (ip.isPresent()) {
            b.sql(" AND (" + String.join(" OR ", terms) + ")", values.toArray());
            return;
        }
        for (String c : textColumns) {
            terms.add(d.like(c));
            values.add(pattern);
        }
        b.sql(" AND (" + String.join(" OR ", terms) + ")", values.toArray());
    }
}
