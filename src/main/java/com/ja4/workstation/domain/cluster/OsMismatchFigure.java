package com.ja4.workstation.domain.cluster;

/**
 * A cluster's UA/stack mismatch figure (the sidebar's "OS mismatch"): among its clients where both
 * the OS the User-Agent claims and a confident TCP stack verdict are known, how many contradict.
 *
 * @param clients    distinct IPs of the cluster
 * @param comparable of those, clients where both sides were confident enough to be compared
 * @param mismatched of those, clients whose claimed OS contradicts the stack
 */
public record OsMismatchFigure(int clients, int comparable, int mismatched) {

    public OsMismatchFigure {
        if (clients < 0 || comparable < 0 || mismatched < 0 || comparable > clients || mismatched > comparable) {
            throw new IllegalArgumentException("inconsistent counts: " + clients + " / " + comparable + " / " + mismatched);
        }
    }

    /** mismatched / comparable; NaN when no client could be compared. */
    public double share() {
        return comparable == 0 ? Double.NaN : (double) mismatched / comparable;
    }
}
