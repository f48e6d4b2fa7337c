package com.ja4.workstation.service.detail;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.data.detail.RowQueries;
import com.ja4.workstation.data.table.AllColumns;
import com.ja4.workstation.domain.detail.Signal;
import com.ja4.workstation.domain.detail.Signals;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every column the detail pane can show has a meaning, and "why it fired" ranks by distance from the human baseline. */
class SignalCatalogueTest {

    @Test
    void everyColumnOfADetectionAndAScoredWindowHasAOneLineMeaning() {
        for (AllColumns<?> spec : List.of(RowQueries.DETECTION_COLUMNS, RowQueries.SCORE_COLUMNS)) {
            List<String> columns = new ArrayList<>(spec.tableColumns());
            columns.addAll(spec.extra());
            columns.remove("os"); // the TCP section shows the verdict with its reasons (TcpDetail), not as a catalogue line
            columns.remove("os_mismatch"); // likewise the UA/stack mismatch, with both sides
            for (String c : columns) {
                Signal s = Signals.of(c).orElseThrow(() -> new AssertionError(spec.table().name() + "." + c + " has no meaning"));
                assertFalse(s.meaning().isBlank(), c);
                assertFalse(s.meaning().contains("\n"), c + ": one line");
            }
        }
        assertEquals(19, Signals.BEHAVIOUR_FEATURES.size());
        assertTrue(RowQueries.DETECTION_COLUMNS.tableColumns().size() >= 33, "the seed returned 33 columns of a detection");
    }

    @Test
    void furthestFromTheHumanBaselineFirstAndAConstantFeatureOnlyWhenItDiffers() {
        assertEquals(2.0, HumanDistance.of(0.9, 0.5, 0.2, true), 1e-9);
        assertEquals(0.0, HumanDistance.of(1.0, 1.0, 0.0, true));
        assertEquals(Double.POSITIVE_INFINITY, HumanDistance.of(1.0, 0.0, 0.0, true));
        assertTrue(Double.isNaN(HumanDistance.of(1.0, 0.0, 0.1, false)), "no human windows: not ranked");

        Signal a = Signals.describe("hit_velocity"), b = Signals.describe("fuzzing_index"), c = Signals.describe("post_ratio");
        List<SignalValue> values = List.of(new SignalValue(a, 0.2, 0.1, 0.5, 1.0), new SignalValue(b, 0.0, 0.0, 0.1, 0.0),
                new SignalValue(c, 0.9, 0.1, 0.2, 4.0), SignalValue.plain(Signals.describe("host"), "x"));
        List<SignalValue> why = HumanDistance.whyItFired(values, 5);
        assertEquals(List.of(c, a), why.stream().map(SignalValue::signal).toList(), "furthest first; at the human average and plain columns left out");
        assertEquals(1, HumanDistance.whyItFired(values, 1).size());
    }
}
