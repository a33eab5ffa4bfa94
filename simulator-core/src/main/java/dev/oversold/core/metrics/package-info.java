@NullMarked
package dev.oversold.core.metrics;

import org.jspecify.annotations.NullMarked;
