package com.ja4.workstation.data.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a generation run produced.
 *
 * @param file      the snapshot written
 * @param ips       distinct client IPs (rows of {@code demo_population})
 * @param rows      rows per warehouse table, in schema order (as in the manifest)
 * @param checksum  the manifest's content checksum
 * @param elapsed   wall time of the run
 */
public record DemoSummary(Path file, int ips, Map<String, Long> rows, String checksum, Duration elapsed) {

    public DemoSummary {
        rows = Map.copyOf(rows);
    }

    public long rows(String table) {
        return rows.getOrDefault(table, 0L);
    }

    /** One line for the command line: IPs, rows per table, seconds. */
    public String oneLine(Iterable<String> tableOrder) {
        StringBuilder sb = new StringBuilder();
        for (String t : tableOrder) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(t).append('=').append(rows(t));
        }
        return String.format(Locale.ROOT, "%s: %d IPs, %s in %.2f s", file.getFileName(), ips, sb,
                elapsed.toNanos() / 1e9);
    }

    @Override
    public String toString() {
        return oneLine(rows.keySet().stream().sorted().collect(Collectors.toList()));
    }
}
