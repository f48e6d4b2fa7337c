package com.ja4.workstation.data.warehouse;

/** LIKE patterns from user text: %, _ and \ match literally. */
public final class Like {
    private Like() {
    }

    public static String escape(String userText) {
        StringBuilder sb = new StringBuilder(userText.length() + 8);
        for (char c : userText.toCharArray()) {
            if (c == '\\' || c == '%' || c == '_') sb.append('\\');
            sb.append(c);
        }
        return sb.toString();
    }

    public static String contains(String userText) {
        return "%" + escape(userText) + "%";
    }
}
