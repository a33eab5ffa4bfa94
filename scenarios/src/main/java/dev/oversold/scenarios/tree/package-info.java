@NullMarked
package dev.oversold.scenarios.tree;

import org.jspecify.annotations.NullMarked;
