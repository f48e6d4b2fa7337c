package com.ja4.workstation.analysis.fingerprint;

import java.io.Closeable;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV whose rows each carry one SYN (columns ttl, win, scale, mss; other columns are kept
 * as they are). Every row comes back with its 1-based line number counting the header, and either
 * the observation or what is wrong with it, so a bad cell is reported, never read as 0.
 */
final class TupleCsv {

    static final List<String> TUPLE_COLUMNS = List.of("ttl", "win", "scale", "mss");
    private static final char BOM = '\uFEFF';

    /**
     * @param line        the line the row starts on (the header is line 1)
     * @param values      the row's cells in the file's column order
     * @param observation the SYN, or null when {@code problem} says why not
     * @param problem     what is wrong with the row, or null
     */
    record Row(long line, List<String> values, TcpObservation observation, String problem) {
        boolean ok() {
            return problem == null;
        }
    }

    private TupleCsv() {
    }

    /**
     * Opens the CSV and checks its header.
     *
     * @param extraColumns columns required besides ttl, win, scale, mss
     * @throws IllegalArgumentException when the header lacks a required column ("line 1: ...")
     * @throws IOException              when the input cannot be read as UTF-8 text
     */
    static Reading open(Reader input, List<String> extraColumns) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(false).setAllowMissingColumnNames(true).build();
        CSVParser parser;
        try {
            parser = CSVParser.parse(withoutBom(input), format);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<String> header = parser.getHeaderNames();
        List<String> required = new ArrayList<>(TUPLE_COLUMNS);
        required.addAll(extraColumns);
        List<String> missing = required.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
            parser.close();
            throw new IllegalArgumentException("line 1: the header lacks column(s) " + String.join(", ", missing)
                    + "; expected " + String.join(", ", required));
        }
        return new Reading(parser, header);
    }

    /** The rows of an opened CSV, one at a time. */
    static final class Reading implements Closeable {
        private final CSVParser parser;
        private final List<String> header;
        private final Iterator<CSVRecord> records;
        private long lastLine;

        private Reading(CSVParser parser, List<String> header) {
            this.parser = parser;
            this.header = List.copyOf(header);
            this.records = parser.iterator();
            this.lastLine = parser.getCurrentLineNumber();
        }

        List<String> header() {
            return header;
        }

        /** The next row, or null at the end; blank lines are skipped but counted. */
        Row next() throws IOException {
            try {
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    long line = lastLine + 1;
                    lastLine = parser.getCurrentLineNumber();
                    if (record.size() == 1 && record.get(0).isEmpty()) continue;
                    return row(line, record, header.size());
                }
                return null;
            } catch (UncheckedIOException e) {
                // Commons CSV reports a read failure (bytes that are not UTF-8) unchecked
                throw e.getCause();
            }
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    private static Row row(long line, CSVRecord record, int columns) {
        List<String> values = record.toList();
        if (values.size() != columns) {
            return new Row(line, values, null, "expected the header's " + columns + " columns, got " + values.size());
        }
        long[] numbers = new long[TUPLE_COLUMNS.size()];
        for (int i = 0; i < numbers.length; i++) {
            String column = TUPLE_COLUMNS.get(i);
            String text = record.get(column);
            if (text.isEmpty()) return new Row(line, values, null, column + " is empty");
            try {
                numbers[i] = Long.parseLong(text);
            } catch (NumberFormatException e) {
                return new Row(line, values, null, column + " '" + printable(text) + "' is not a whole number");
            }
        }
        List<String> problems = TcpObservation.problems(numbers[0], numbers[1], numbers[2], numbers[3]);
        if (!problems.isEmpty()) return new Row(line, values, null, String.join("; ", problems));
        return new Row(line, values, new TcpObservation((int) numbers[0], (int) numbers[1], (int) numbers[2],
                (int) numbers[3]), null);
    }

    /** A cell quoted in a message: bounded, and control characters shown as '?'. */
    static String printable(String text) {
        String bounded = text.length() > 40 ? text.substring(0, 40) + "..." : text;
        StringBuilder sb = new StringBuilder(bounded.length());
        bounded.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT ? '?' : c));
        return sb.toString();
    }

    /** Spreadsheets save CSV with a UTF-8 byte-order mark; it is not part of the first column's name. */
    static Reader withoutBom(Reader input) throws IOException {
        PushbackReader reader = new PushbackReader(input, 1);
        int first = reader.read();
        if (first != -1 && first != BOM) reader.unread(first);
        return reader;
    }
}
