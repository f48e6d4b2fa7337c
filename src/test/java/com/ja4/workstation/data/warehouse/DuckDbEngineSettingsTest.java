package com.ja4.workstation.data.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ja4.workstation.testing.DemoSnapshots;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * The embedded engine of a snapshot hands results over as it reads them and keeps to its memory
 * limit, on every connection the views and exports use ({@code MemoryBenchmark} measures what this
 * is for: a CSV export of 2.1 million rows peaked at 2.0 GB resident without it).
 */
class DuckDbEngineSettingsTest {

    @Test
    void aSnapshotsConnectionsStreamResultsWithinTheMemoryLimit() throws Exception {
        try (DuckDbSource source = DuckDbSource.openLocked(DemoSnapshots.defaultDemo(), DuckDbSource.Access.READ_ONLY)) {
            source.allowQueries();
            try (Connection c = source.open(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_setting('jdbc_stream_results'), "
                         + "current_setting('memory_limit')")) {
                rs.next();
                assertEquals("true", rs.getString(1).toLowerCase(java.util.Locale.ROOT));
                assertEquals(DuckDbSource.memoryLimitMib(), mib(rs.getString(2)), rs.getString(2));
            }
        }
    }

    /** DuckDB's "256.0 MiB" or "1.5 GiB" in MiB. */
    private static long mib(String size) {
        String[] parts = size.split(" ");
        double n = Double.parseDouble(parts[0]);
        return Math.round(parts[1].equals("GiB") ? n * 1024 : n);
    }
}
