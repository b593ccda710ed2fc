/**
 * House-to-house screening campaigns (拉网式排查, PRODUCT.md capability 3): a campaign with its questionnaire, one
 * task per grid with a snapshot of that grid's households, records sent by grid workers (idempotent by a
 * client-generated id, so an offline phone may resend), live progress from per-grid counters, the key-person list
 * and an Excel export. Public API: {@link org.gridlink.screening.Screening}. Residents are read and tagged only
 * through {@link org.gridlink.residents.Residents}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Screening campaigns",
		allowedDependencies = { "platform :: api", "residents :: api", "jurisdiction :: api" })
@org.jspecify.annotations.NullMarked
package org.gridlink.screening;
