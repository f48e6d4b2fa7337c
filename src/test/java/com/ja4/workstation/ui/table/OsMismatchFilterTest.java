package com.ja4.workstation.ui.table;

import static org.junit.jupiter.api.Assertions.*;

import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.domain.table.Detection;
import com.ja4.workstation.domain.table.Score;
import com.ja4.workstation.domain.table.SortOrder;
import com.ja4.workstation.domain.table.TableFilter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The UA/stack mismatch (issue 13) in Detections and Scores, on the demo: the `OS mismatch` column
 * says both sides, and "OS mismatch only" keeps exactly the rows whose cell is set.
 */
class OsMismatchFilterTest {

    static DemoTables demo;

    @BeforeAll
    static void open() throws Exception {
        demo = DemoTables.open("Loading tables");
    }

    @AfterAll
    static void close() {
        demo.close();
    }

    @Test
    void detectionsOnlyMismatchKeepsExactlyTheRowsWhoseCellIsSet() throws Exception {
        assertTrue(TableDefinitions.DETECTIONS.columns().stream().anyMatch(c -> c.title().equals("OS mismatch")));
        // every row of the window as the table pages it (the column is filled per page)
        List<Detection> all = new java.util.ArrayList<>();
        SortOrder sort = SortOrder.descending("detected_at");
        for (long off = 0; ; off += 500) {
            List<Detection> page = demo.ws.detections().page(demo.window, TableFilter.NONE, sort, off, 500, QueryContext.create());
            all.addAll(page);
            if (page.size() < 500) break;
        }
        List<Detection> flagged = all.stream().filter(d -> !d.osMismatch().isEmpty()).toList();
        assertFalse(flagged.isEmpty(), "the demo has clients whose User-Agent and SYN disagree");
        assertTrue(flagged.size() < all.size() / 2, "a signal, not the norm: " + flagged.size() + " of " + all.size());
        for (Detection d : flagged) {
            assertTrue(d.osMismatch().startsWith("UA claims "), d.osMismatch());
            assertTrue(d.osMismatch().contains(", SYN is "), "both sides named: " + d.osMismatch());
        }

        FilteredTableModel<Detection> m = demo.model(TableDefinitions.DETECTIONS);
        m.pageSizeProperty().set(500);
        DemoTables.await(m.load());
        assertEquals(all.size(), m.total());
        m.draft(TableFilter.OS_MISMATCH).set(TableFilter.ONLY);
        DemoTables.await(m.apply());
        assertEquals(flagged.size(), m.total(), "the filter's count is the number of flagged rows");
        assertTrue(m.rows().stream().allMatch(d -> !d.osMismatch().isEmpty()), "every row shown is flagged");
        Set<String> ips = new HashSet<>();
        flagged.forEach(d -> ips.add(d.ip()));
        assertTrue(m.rows().stream().allMatch(d -> ips.contains(d.ip())));

        DemoTables.await(m.clear());
        assertEquals(all.size(), m.total(), "Clear shows every row again");
        assertEquals("", m.draft(TableFilter.OS_MISMATCH).get());
    }

    @Test
    void scoresHaveTheColumnAndTheFilter() throws Exception {
        FilteredTableModel<Score> m = demo.model(TableDefinitions.SCORES);
        DemoTables.await(m.load());
        long all = m.total();
        m.draft(TableFilter.OS_MISMATCH).set(TableFilter.ONLY);
        DemoTables.await(m.apply());
        assertTrue(m.total() > 0 && m.total() < all, m.total() + " of " + all);
        assertTrue(m.rows().stream().allMatch(s -> s.osMismatch().startsWith("UA claims ")));
    }
}
