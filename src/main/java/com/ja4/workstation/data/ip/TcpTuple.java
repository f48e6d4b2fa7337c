package com.ja4.workstation.data.ip;

import com.ja4.workstation.analysis.fingerprint.TcpObservation;
import java.util.Optional;

/**
 * One distinct TCP SYN shape of a client (agg_host_ip_ja4_1h tcp_*_raw) with the hits and hourly
 * windows it was seen in.
 */
public record TcpTuple(String ip, int ttl, int window, int scale, int mss, long hits, long windows, String firstUa) {

    /** The observation to classify, or empty when the raw values are out of range (a sensor glitch). */
    public Optional<TcpObservation> observation() {
        return TcpObservation.problems(ttl, window, scale, mss).isEmpty()
                ? Optional.of(new TcpObservation(ttl, window, scale, mss)) : Optional.empty();
    }

    public String shape() {
        return "TTL " + ttl + ", window " + window + ", scale " + scale + ", MSS " + mss;
    }
}
