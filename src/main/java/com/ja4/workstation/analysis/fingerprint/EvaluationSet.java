package com.ja4.workstation.analysis.fingerprint;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A CSV of labelled SYNs (columns ttl, win, scale, mss, family; an optional split column names the
 * part of the set a row belongs to, "fit" or "held-out"). Labels that name no OS family ("bot",
 * "other") are counted but not scored; a row that cannot be read is a problem with its line.
 *
 * @param samples   the rows to score
 * @param unscored  rows per label that names no family
 * @param problems  "line N: why", one per bad line
 */
public record EvaluationSet(List<Sample> samples, Map<String, Integer> unscored, List<String> problems) {

    static final String FAMILY = "family";
    static final String SPLIT = "split";

    /** One labelled SYN; {@code split} is "" when the file has no split column. */
    public record Sample(TcpObservation observation, OsFamily expected, String split) {
    }

    public EvaluationSet {
        samples = List.copyOf(samples);
        unscored = Map.copyOf(unscored);
        problems = List.copyOf(problems);
    }

    /**
     * @throws IllegalArgumentException when the header lacks a required column
     * @throws IOException              when the input cannot be read as UTF-8 text
     */
    public static EvaluationSet read(Reader input) throws IOException {
        List<Sample> samples = new ArrayList<>();
        Map<String, Integer> unscored = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        try (TupleCsv.Reading csv = TupleCsv.open(input, List.of(FAMILY))) {
            int familyColumn = csv.header().indexOf(FAMILY);
            int splitColumn = csv.header().indexOf(SPLIT);
            for (TupleCsv.Row row = csv.next(); row != null; row = csv.next()) {
                if (!row.ok()) {
                    problems.add("line " + row.line() + ": " + row.problem());
                    continue;
                }
                String label = row.values().get(familyColumn);
                if (label.isEmpty()) {
                    problems.add("line " + row.line() + ": family is empty");
                    continue;
                }
                Optional<OsFamily> family = OsFamily.fromLabel(label);
                if (family.isEmpty() || family.get() == OsFamily.UNKNOWN) {
                    unscored.merge(TupleCsv.printable(label), 1, Integer::sum);
                    continue;
                }
                String split = splitColumn < 0 ? "" : row.values().get(splitColumn);
                samples.add(new Sample(row.observation(), family.get(), split));
            }
        }
        return new EvaluationSet(samples, unscored, problems);
    }

    /** The split names in file order of first appearance; empty when the file has no split column. */
    public List<String> splits() {
        return samples.stream().map(Sample::split).filter(s -> !s.isEmpty()).distinct().toList();
    }

    public List<Sample> split(String name) {
        return samples.stream().filter(s -> s.split().equals(name)).toList();
    }
}
