package com.ja4.workstation.ui.shell;

/**
 * One entry of the command palette: a view, an action, an IP or a JA4.
 *
 * @param title  what it says ("Show Detections", "Open IP 203.0.113.7")
 * @param kind   "View", "Action", "IP", "JA4" (shown beside the title)
 * @param keys   the shortcut that does the same, or "" (learn the keys from the palette)
 * @param run    what Enter does
 */
public record PaletteEntry(String title, String kind, String keys, Runnable run) {
}
