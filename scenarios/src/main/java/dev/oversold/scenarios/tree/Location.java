package dev.oversold.scenarios.tree;

/**
 * Where a node came from: the file (or {@code --set KEY} for an override) and its 1-based line and
 * column.
 */
public record Location(String source, int line, int column) {}
