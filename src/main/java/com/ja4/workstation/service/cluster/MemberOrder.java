package com.ja4.workstation.service.cluster;

import com.ja4.workstation.analysis.cluster.MemberAssignment;
import com.ja4.workstation.domain.cluster.FeatureRow;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * How a cluster's member table is sorted: one column of the whitelist below and a direction. Every
 * order ends with hits (busiest first), IP and JA4, so pairs tied on the column always come in the
 * same order and pages never overlap. The default is busiest first.
 */
public record MemberOrder(Column column, boolean descending) {

    /** Busiest first: hits descending, then IP, then JA4. */
    public static final MemberOrder BUSIEST_FIRST = new MemberOrder(Column.HITS, true);

    public MemberOrder {
        if (column == null) throw new IllegalArgumentException("a member order needs a column");
    }

    /** The sortable columns of the member table (the whitelist); {@link #id()} is what the UI passes. */
    public enum Column {
        IP("ip", Comparator.comparing(m -> m.row().ip())),
        JA4("ja4", Comparator.comparing(m -> m.row().ja4())),
        HITS("hits", Comparator.comparingLong(m -> m.row().hits())),
        THREAT("threat", Comparator.comparingInt(m -> m.row().threat() == null ? -1 : m.row().threat().severity())),
        ANOMALY_SCORE("anomaly_score", Comparator.comparingDouble(m -> Math.abs(m.row().anomalyScore()))),
        TTL("ttl", Comparator.comparingDouble(m -> m.row().ttl())),
        WINDOW("win", Comparator.comparingDouble(m -> m.row().window())),
        SCALE("scale", Comparator.comparingDouble(m -> m.row().scale())),
        MSS("mss", Comparator.comparingDouble(m -> m.row().mss())),
        COUNTRY("country", Comparator.comparing(m -> m.row().country())),
        ASN_ORG("asn_org", Comparator.comparing(m -> m.row().asnOrg())),
        FUZZING("fuzzing", Comparator.comparingDouble(m -> m.row().fuzzing())),
        VELOCITY("velocity", Comparator.comparingDouble(m -> m.row().velocity())),
        USER_AGENT("ua", Comparator.comparing(m -> m.row().userAgent())),
        DISTANCE("distance", Comparator.comparingDouble(m -> m.assignment().distance())),
        FITTED("fitted", Comparator.comparing(m -> m.assignment().fitted()));

        private final String id;
        private final Comparator<Member> ascending;

        Column(String id, Comparator<Member> ascending) {
            this.id = id;
            this.ascending = ascending;
        }

        public String id() {
            return id;
        }

        /** The column of an id from the whitelist; anything else is empty. */
        public static Optional<Column> fromId(String id) {
            String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(c -> c.id.equals(wanted)).findFirst();
        }
    }

    /** A member as the comparator sees it: its position in the run, its assignment and its feature row. */
    record Member(int position, MemberAssignment assignment, FeatureRow row) {
    }

    private static final Comparator<Member> TIE_BREAK = Comparator.<Member>comparingLong(m -> m.row().hits()).reversed()
            .thenComparing(m -> m.row().ip()).thenComparing(m -> m.row().ja4());

    Comparator<Member> comparator() {
        Comparator<Member> c = descending ? column.ascending.reversed() : column.ascending;
        return c.thenComparing(TIE_BREAK);
    }
}
