@NullMarked
package dev.oversold.core.engine;

import org.jspecify.annotations.NullMarked;
