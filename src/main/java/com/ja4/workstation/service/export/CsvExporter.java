package com.ja4.workstation.service.export;

import com.ja4.workstation.data.table.PagedTable;
import com.ja4.workstation.data.warehouse.QueryContext;
import com.ja4.workstation.data.warehouse.WarehouseException;
import com.ja4.workstation.domain.TimeWindow;
import com.ja4.workstation.io.AtomicOutput;
import com.ja4.workstation.io.PartialFiles;
import com.ja4.workstation.domain.table.SortOrder;
import com.ja4.workstation.domain.table.TableFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the whole filtered, sorted result of a table to CSV, streaming from the database.
 * The file appears only when complete: a cancelled or failed export, or Ctrl-C, leaves nothing
 * behind. Text cells a spreadsheet would run as a formula are neutralised ({@link CsvCells}).
 */
public final class CsvExporter {

    private CsvExporter() {
    }

    /**
     * @param progress receives the number of rows written so far (every 1,000 rows and at the end)
     * @return rows written
     */
    public static <R> long export(PagedTable<R> table, TimeWindow window, TableFilter filter, SortOrder sort, Path target,
                                     LongConsumer progress, QueryContext ctx) throws WarehouseException, IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        long[] rows = {0};
        try (PartialFiles.Registration ignored = PartialFiles.register(tmp)) {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder()
                         .setHeader(table.spec().exportHeader().toArray(String[]::new)).build())) {
                table.forEachEnriched(window, filter, sort, row -> {
                    try {
                        csv.printRecord(CsvCells.safe(table.spec().exportValues(row)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    if (++rows[0] % 1000 == 0) progress.accept(rows[0]);
                }, ctx);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            ctx.throwIfCancelled();
            PartialFiles.throwIfStopping();
            AtomicOutput.moveIntoPlace(tmp, target.toAbsolutePath());
            progress.accept(rows[0]);
            return rows[0];
        }
    }
}
