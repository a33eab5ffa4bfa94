@NullMarked
package dev.oversold.core.kernel;

import org.jspecify.annotations.NullMarked;
