package com.ja4.workstation.analysis.fingerprint;

import java.util.ArrayList;
import java.util.List;

/**
 * The four values of a client's TCP SYN that the warehouse keeps (agg_host_ip_ja4_1h tcp_*_raw).
 *
 * @param ttl    IP TTL as seen by the sensor, 1-255 (lower than what the client sent: one per hop)
 * @param window TCP window in the SYN, 0-65535
 * @param scale  window-scale option, 0-14; 0 also when the option is absent
 * @param mss    MSS option, 0-65535; 0 when the SYN carried no MSS option (typical of raw-packet scanners)
 */
public record TcpObservation(int ttl, int window, int scale, int mss) {

    public TcpObservation {
        List<String> problems = problems(ttl, window, scale, mss);
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join("; ", problems));
    }

    /** What is wrong with these raw values, in words an analyst can act on; empty when they are valid. */
    public static List<String> problems(long ttl, long window, long scale, long mss) {
        List<String> problems = new ArrayList<>(4);
        check(problems, "ttl", ttl, 1, 255);
        check(problems, "win", window, 0, 65535);
        check(problems, "scale", scale, 0, 14);
        check(problems, "mss", mss, 0, 65535);
        return problems;
    }

    private static void check(List<String> problems, String name, long value, long min, long max) {
        if (value < min || value > max) {
            problems.add(name + " " + value + " is outside " + min + "-" + max);
        }
    }

    public boolean hasMss() {
        return mss > 0;
    }
}
