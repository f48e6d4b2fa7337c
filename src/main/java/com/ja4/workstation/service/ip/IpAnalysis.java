package com.ja4.workstation.service.ip;

import com.ja4.workstation.analysis.fingerprint.TcpVerdict;
import com.ja4.workstation.data.ip.IpQueries;
import com.ja4.workstation.domain.ip.FeatureWindow;
import com.ja4.workstation.domain.ip.RadarBaselines;
import com.ja4.workstation.domain.ip.TcpTuple;
import com.ja4.workstation.service.os.OsLookup;
import java.util.ArrayList;
import java.util.List;

/** Plain-Java analysis of an IP's drill-down data: radar scaling and TCP/OS verdicts. */
public final class IpAnalysis {

    private IpAnalysis() {
    }

    /** A SYN shape and what the fingerprinter says about it (null verdict when the raw values are out of range). */
    public record TcpFinding(TcpTuple tuple, TcpVerdict verdict) {
    }

    public static List<TcpFinding> tcp(List<TcpTuple> tuples) {
        List<TcpFinding> out = new ArrayList<>();
        for (TcpTuple t : tuples) out.add(new TcpFinding(t, OsLookup.classify(t)));
        return out;
    }

    /**
     * The radar of one feature window against the baselines. Each axis is divided by the largest of
     * its three raw values, so every polygon is on the same 0-1 scale and the feature where the IP
     * (or a baseline) stands out reaches the rim; raw values stay available for tooltips.
     */
    public static List<RadarAxis> radar(FeatureWindow window, RadarBaselines b) {
        List<RadarAxis> axes = new ArrayList<>();
        for (String f : IpQueries.RADAR_FEATURES) {
            double ip = window == null ? 0 : window.feature(f);
            double h = b.human().getOrDefault(f, 0.0);
            double dc = b.datacenter().getOrDefault(f, 0.0);
            double max = Math.max(Math.abs(ip), Math.max(Math.abs(h), Math.abs(dc)));
            axes.add(new RadarAxis(f, ip, h, dc, max > 0 ? max : 1));
        }
        return axes;
    }
}
