package com.ja4.workstation.analysis.fingerprint;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Adds the verdict columns to a CSV of TCP observations (columns ttl, win, scale, mss; any other
 * columns are passed through in their order). A bad line is left out of the output and reported
 * with its line number (the header is line 1), so no row ever carries a verdict it did not earn
 * or values shifted into the verdict columns.
 */
public final class FingerprintCsv {

    /** Past this many, bad lines are counted instead of listed one by one. */
    static final int LISTED_PROBLEMS = 20;

    private final TcpFingerprinter fingerprinter;

    public FingerprintCsv(TcpFingerprinter fingerprinter) {
        this.fingerprinter = fingerprinter;
    }

    /**
     * @return the number of bad lines, each described on {@code problems} as "line N: why"
     * @throws IllegalArgumentException when the header lacks a required column
     * @throws IOException              when the input cannot be read as UTF-8 text
     */
    public int annotate(Reader input, Appendable output, PrintWriter problems) throws IOException {
        int bad = 0;
        try (TupleCsv.Reading csv = TupleCsv.open(input, List.of())) {
            List<String> outHeader = new ArrayList<>(csv.header());
            outHeader.addAll(VerdictFields.NAMES);
            CSVPrinter printer = new CSVPrinter(output, CSVFormat.DEFAULT.builder().setHeader(outHeader.toArray(String[]::new)).build());
            for (TupleCsv.Row row = csv.next(); row != null; row = csv.next()) {
                if (!row.ok()) {
                    if (++bad <= LISTED_PROBLEMS) problems.println("line " + row.line() + ": " + row.problem());
                    continue;
                }
                List<String> out = new ArrayList<>(row.values());
                for (Object value : VerdictFields.of(fingerprinter.classify(row.observation())).values()) {
                    out.add(value instanceof List<?> list ? String.join("; ", list.stream().map(String::valueOf).toList())
                            : String.valueOf(value));
                }
                printer.printRecord(out);
            }
            printer.flush();
        }
        if (bad > LISTED_PROBLEMS) problems.println("... and " + (bad - LISTED_PROBLEMS) + " more bad lines");
        problems.flush();
        return bad;
    }
}
