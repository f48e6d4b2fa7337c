package com.ja4.workstation.domain.ip;

/**
 * One distinct TCP SYN shape of a client (agg_host_ip_ja4_1h tcp_*_raw) with the hits and hourly
 * windows it was seen in.
 */
public record TcpTuple(String ip, int ttl, int window, int scale, int mss, long hits, long windows, String firstUa) {

    public String shape() {
        return "TTL " + ttl + ", window " + window + ", scale " + scale + ", MSS " + mss;
    }
}
