package com.ja4.workstation.service.detail;

import com.ja4.workstation.analysis.fingerprint.OsFinding;
import com.ja4.workstation.domain.ip.TcpTuple;

/**
 * The TCP side of a detection's client: its dominant SYN shape in the window (most hits), what
 * the fingerprinter and the User-Agent say about it, and how many shapes the client showed.
 *
 * @param dominant the shape with the most hits, null when the client sent no SYN we recorded
 * @param finding  verdict (null when the SYN values are out of range), claimed OS and mismatch; null without a shape
 * @param shapes   distinct SYN shapes of the client in the window
 */
public record TcpDetail(TcpTuple dominant, OsFinding finding, int shapes) {

    public static final TcpDetail NONE = new TcpDetail(null, null, 0);
}
