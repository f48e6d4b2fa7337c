package com.ja4.workstation.analysis.fingerprint;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Adds the verdict columns to a CSV of TCP observations (columns ttl, win, scale, mss; any other
 * columns are passed through in their order). A bad line is reported with its line number and
 * written with empty verdict columns, so the output stays row-for-row aligned with the input.
 */
public final class FingerprintCsv {

    static final List<String> INPUT_COLUMNS = List.of("ttl", "win", "scale", "mss");

    private final TcpFingerprinter fingerprinter;

    public FingerprintCsv(TcpFingerprinter fingerprinter) {
        this.fingerprinter = fingerprinter;
    }

    /** @return the number of bad lines, each described on {@code problems} */
    public int annotate(Reader input, Appendable output, PrintWriter problems) throws IOException {
        CSVFormat in = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).build();
        try (CSVParser parser = CSVParser.parse(input, in)) {
            List<String> header = parser.getHeaderNames();
            List<String> missing = INPUT_COLUMNS.stream().filter(c -> !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("input lacks column(s) " + String.join(", ", missing)
                        + "; expected ttl, win, scale, mss");
            }
            List<String> outHeader = new ArrayList<>(header);
            outHeader.addAll(VerdictFields.NAMES);
            CSVPrinter printer = new CSVPrinter(output, CSVFormat.DEFAULT.builder().setHeader(outHeader.toArray(String[]::new)).build());
            int bad = 0;
            for (CSVRecord record : parser) {
                // Record 1 is on line 2, after the header (no quoted newlines in this kind of data).
                long line = record.getRecordNumber() + 1;
                List<String> row = new ArrayList<>(record.toList());
                String problem = problem(record);
                if (problem == null) {
                    TcpObservation o = new TcpObservation(Integer.parseInt(record.get("ttl")),
                            Integer.parseInt(record.get("win")), Integer.parseInt(record.get("scale")),
                            Integer.parseInt(record.get("mss")));
                    for (Object value : VerdictFields.of(fingerprinter.classify(o)).values()) {
                        row.add(value instanceof List<?> list ? String.join("; ", list.stream().map(String::valueOf).toList())
                                : String.valueOf(value));
                    }
                } else {
                    bad++;
                    problems.println("line " + line + ": " + problem);
                    VerdictFields.NAMES.forEach(n -> row.add(""));
                }
                printer.printRecord(row);
            }
            printer.flush();
            problems.flush();
            return bad;
        }
    }

    private static String problem(CSVRecord record) {
        if (!record.isConsistent()) return "expected the header's number of columns, got " + record.size();
        long[] values = new long[4];
        for (int i = 0; i < 4; i++) {
            String column = INPUT_COLUMNS.get(i);
            String text = record.get(column);
            try {
                values[i] = Long.parseLong(text);
            } catch (NumberFormatException e) {
                return column + " '" + text + "' is not a number";
            }
        }
        List<String> problems = TcpObservation.problems(values[0], values[1], values[2], values[3]);
        return problems.isEmpty() ? null : String.join("; ", problems);
    }
}
