@NullMarked
package dev.oversold.core.model;

import org.jspecify.annotations.NullMarked;
