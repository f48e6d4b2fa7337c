package com.ja4.workstation.analysis.cluster;

import com.ja4.workstation.domain.cluster.FeatureRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the cluster profiles need of each row, read from the row objects once and kept as numbers:
 * its raw feature values, the number of its SYN, country and network (numbered in order of first
 * sight) and its threat. None of it depends on the clusters, so the pipeline works it out on the
 * pool's other core while the k-means' winner is iterated on every row, and the tally after that
 * reads arrays only ({@link ClusterProfiler#tallies}).
 *
 * @param raw          each row's raw feature values, {@link Feature#COUNT} per row, in row order; null
 *                     above {@value #KEEP_RAW_ROWS} rows (the tally then reads them from the rows)
 * @param syn          each row's SYN (ttl, window, scale, mss: equal when their bits are)
 * @param verdictOfSyn the stack verdict of each SYN, fingerprinted once
 * @param country      each row's country, or -1 when it has none
 * @param countries    the countries by number
 * @param network      each row's AS organisation, or -1 when it has none
 * @param networks     the AS organisations by number
 * @param severity     each row's threat severity, or -1 when it was not detected
 */
record RowFacts(double[] raw, int[] syn, List<StackVerdict> verdictOfSyn, int[] country, List<String> countries,
                int[] network, List<String> networks, byte[] severity) {

    /**
     * Rows whose raw values are copied (at most 34 MB): beyond, a window's copy would add most of what
     * its rows already take, for a run.
     */
    static final int KEEP_RAW_ROWS = 200_000;

    static RowFacts of(List<FeatureRow> rows, StackVerdictSource verdicts) {
        return of(rows, verdicts, KEEP_RAW_ROWS);
    }

    /** @param keepRawRows the most rows whose raw values are copied */
    static RowFacts of(List<FeatureRow> rows, StackVerdictSource verdicts, int keepRawRows) {
        int n = rows.size();
        double[] raw = n <= keepRawRows ? new double[n * Feature.COUNT] : null;
        int[] syn = new int[n];
        int[] country = new int[n];
        int[] network = new int[n];
        byte[] severity = new byte[n];
        SynNumbers syns = new SynNumbers();
        List<StackVerdict> verdictOfSyn = new ArrayList<>();
        ValueNumbers countries = new ValueNumbers();
        ValueNumbers networks = new ValueNumbers();
        double[] scratch = new double[Feature.COUNT];
        for (int i = 0; i < n; i++) {
            FeatureRow r = rows.get(i);
            if (raw != null) {
                Feature.rawValues(r, scratch);
                System.arraycopy(scratch, 0, raw, i * Feature.COUNT, Feature.COUNT);
            }
            syn[i] = syns.of(r.ttl(), r.window(), r.scale(), r.mss());
            if (syn[i] == verdictOfSyn.size()) verdictOfSyn.add(verdicts.verdict(r.ttl(), r.window(), r.scale(), r.mss()));
            country[i] = countries.of(r.country());
            network[i] = networks.of(r.asnOrg());
            severity[i] = (byte) (r.threat() == null ? -1 : r.threat().severity());
        }
        return new RowFacts(raw, syn, verdictOfSyn, country, countries.values, network, networks.values, severity);
    }

    /** Numbers of non-empty strings in order of first sight; a row's value is often its predecessor's. */
    private static final class ValueNumbers {
        private final Map<String, Integer> numbers = new HashMap<>();
        private final List<String> values = new ArrayList<>();
        private String last;
        private int lastNumber = -1;

        /** The value's number, or -1 for null or empty (not counted). */
        int of(String value) {
            if (value == null || value.isEmpty()) return -1;
            if (value == last) return lastNumber;
            Integer n = numbers.get(value);
            if (n == null) {
                n = values.size();
                numbers.put(value, n);
                values.add(value);
            }
            last = value;
            lastNumber = n;
            return n;
        }
    }

    /**
     * Numbers of SYNs in order of first sight: open addressing on the four values' bits (equal as
     * Double.equals has it), no key object per row.
     */
    private static final class SynNumbers {
        // room for 512 SYNs before growing (8,000 pairs hold about 300)
        private long[] keys = new long[4 * 1024];
        private int[] numbers = new int[1024];
        private int size;

        SynNumbers() {
            Arrays.fill(numbers, -1);
        }

        /** The SYN's number; a new SYN gets the next one (its number equals the count before it). */
        int of(double ttl, double window, double scale, double mss) {
            long a = Double.doubleToLongBits(ttl);
            long b = Double.doubleToLongBits(window);
            long c = Double.doubleToLongBits(scale);
            long d = Double.doubleToLongBits(mss);
            int slot = find(keys, numbers, a, b, c, d);
            if (numbers[slot] >= 0) return numbers[slot];
            if (2 * (size + 1) > numbers.length) {
                grow();
                slot = find(keys, numbers, a, b, c, d);
            }
            keys[4 * slot] = a;
            keys[4 * slot + 1] = b;
            keys[4 * slot + 2] = c;
            keys[4 * slot + 3] = d;
            numbers[slot] = size;
            return size++;
        }

        /** The slot holding the key, or the empty slot where it would go. */
        private static int find(long[] keys, int[] numbers, long a, long b, long c, long d) {
            int mask = numbers.length - 1;
            long h = ((a * 31 + b) * 31 + c) * 31 + d;
            int slot = (int) ((h * 0x9E3779B97F4A7C15L) >>> 40) & mask;
            while (numbers[slot] >= 0) {
                int k = 4 * slot;
                if (keys[k] == a && keys[k + 1] == b && keys[k + 2] == c && keys[k + 3] == d) return slot;
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldNumbers = numbers;
            keys = new long[2 * oldKeys.length];
            numbers = new int[2 * oldNumbers.length];
            Arrays.fill(numbers, -1);
            for (int o = 0; o < oldNumbers.length; o++) {
                if (oldNumbers[o] < 0) continue;
                int k = 4 * o;
                int slot = find(keys, numbers, oldKeys[k], oldKeys[k + 1], oldKeys[k + 2], oldKeys[k + 3]);
                System.arraycopy(oldKeys, k, keys, 4 * slot, 4);
                numbers[slot] = oldNumbers[o];
            }
        }
    }
}
