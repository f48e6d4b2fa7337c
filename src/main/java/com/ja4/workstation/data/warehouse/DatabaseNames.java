package com.ja4.workstation.data.warehouse;

import com.ja4.workstation.data.schema.Table;
import java.util.regex.Pattern;

/**
 * The processing and logs databases. Names are identifiers spliced into SQL, so they are
 * checked against a strict pattern once, here.
 */
public record DatabaseNames(String processing, String logs) {

    private static final Pattern IDENTIFIER = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,63}$");
    public static final DatabaseNames DEFAULT = new DatabaseNames("mabase_prod", "mabase_prod");

    public DatabaseNames {
        requireIdentifier(processing);
        requireIdentifier(logs);
    }

    public String of(Table table) {
        return table.logs() ? logs : processing;
    }

    public static void requireIdentifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a valid database name: '" + name
                    + "' (letters, digits and _ only, starting with a letter or _)");
        }
    }
}
