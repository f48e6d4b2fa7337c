package com.ja4.workstation.analysis.fingerprint;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ja4.workstation.data.demo.DemoPopulation;
import com.ja4.workstation.testing.DemoSnapshots;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Masscan detection measured on the demo: every IP's SYN tuples (agg_host_ip_ja4_1h) are
 * classified; an IP is flagged when any of its tuples is a scanner. Compared with the
 * generator's ground truth (demo_population = 'masscan'). Target (issue 13): precision and recall >= 0.97; measured 1.000 / 1.000.
 */
class MasscanDetectionOnDemoTest {

    @Test
    void scannerPrecisionAndRecallOnTheDemo() throws Exception {
        TcpFingerprinter fp = new TcpFingerprinter();
        Set<String> truth = new HashSet<>();
        Map<String, Boolean> flagged = new HashMap<>();
        Properties ro = new Properties();
        ro.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + DemoSnapshots.defaultDemo(), ro);
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT src_ip FROM " + DemoPopulation.TABLE + " WHERE population = '"
                    + DemoPopulation.MASSCAN.label() + "'")) {
                while (rs.next()) truth.add(rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("SELECT DISTINCT src_ip, tcp_ttl_raw, tcp_win_raw, tcp_scale_raw, tcp_mss_raw FROM agg_host_ip_ja4_1h")) {
                while (rs.next()) {
                    TcpVerdict v = fp.classify(new TcpObservation(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)));
                    flagged.merge(rs.getString(1), v.scanner(), Boolean::logicalOr);
                }
            }
        }
        long tp = flagged.entrySet().stream().filter(e -> e.getValue() && truth.contains(e.getKey())).count();
        long fpCount = flagged.entrySet().stream().filter(e -> e.getValue() && !truth.contains(e.getKey())).count();
        long fn = truth.stream().filter(ip -> !flagged.getOrDefault(ip, false)).count();
        double precision = tp / (double) (tp + fpCount);
        double recall = tp / (double) (tp + fn);
        System.out.printf("Masscan detection on the demo: %d scanners, TP %d, FP %d, FN %d, precision %.3f, recall %.3f%n",
                truth.size(), tp, fpCount, fn, precision, recall);
        assertTrue(truth.size() > 50, "the demo has Masscan IPs");
        assertTrue(precision >= 0.97, "precision " + precision);
        assertTrue(recall >= 0.97, "recall " + recall);
    }
}
