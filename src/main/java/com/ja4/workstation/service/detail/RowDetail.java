package com.ja4.workstation.service.detail;

import com.ja4.workstation.domain.Ja4;
import com.ja4.workstation.domain.detail.SignalGroup;
import com.ja4.workstation.domain.ip.RadarBaselines;
import com.ja4.workstation.domain.table.FullRow;
import java.util.List;

/**
 * Everything the detail pane shows about one detection or scored window: the row's every column
 * grouped (identity, TLS/JA4, TCP verdict, behaviour, model scores), each with its meaning and,
 * for a behaviour feature, the baselines of the window and its distance from the human one;
 * "why it fired"; the JA4 decoded; the TCP verdict of the client.
 *
 * @param kind            a detection or a scored window
 * @param row             the columns as read (and the OS verdict, and a scored window's feature window)
 * @param sections        the columns in the pane's groups and order
 * @param whyItFired      the features furthest from the human baseline, furthest first ({@link HumanDistance})
 * @param ja4             the row's JA4 decoded
 * @param tcp             the client's SYN verdict in the window
 * @param baselines       the baselines of the window the distances were measured against
 * @param behaviourSource where the behaviour values come from, in words
 */
public record RowDetail(Kind kind, FullRow row, List<Section> sections, List<SignalValue> whyItFired, Ja4 ja4,
                        TcpDetail tcp, RadarBaselines baselines, String behaviourSource) {

    public enum Kind {
        DETECTION("Detection"), SCORE("Scored window");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** One group of the pane. */
    public record Section(SignalGroup group, List<SignalValue> values) {
        public Section {
            values = List.copyOf(values);
        }
    }

    public RowDetail {
        sections = List.copyOf(sections);
        whyItFired = List.copyOf(whyItFired);
    }

    /** The value shown for a column, or null when the row has no such column. */
    public SignalValue value(String column) {
        for (Section s : sections) for (SignalValue v : s.values()) if (v.signal().column().equals(column)) return v;
        return null;
    }
}
