/**
 * Value types shared by every module (no beans, no tables).
 */
@org.jspecify.annotations.NullMarked
package org.gridlink.shared;
