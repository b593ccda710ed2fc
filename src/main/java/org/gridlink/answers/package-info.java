/**
 * Public answers and disclosure (PRODUCT.md capability 8, the answering half): the center's duty desk publishes
 * answers to questions of public interest (权威解读) — question, answer, source, date, theme — that the public reads
 * and searches without login ({@code /answers}, {@code GET /api/v1/public/answers}); a case can be answered by pointing
 * to a published answer (this module implements the cases module's {@code PublicReferences}); and the center's daily
 * digest of concerns and answers ({@link org.gridlink.answers.DailyDigests}). Cases are read only through
 * {@code cases :: api}; the cases module does not know this one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Public answers and disclosure",
		allowedDependencies = { "platform :: api", "cases :: api" })
@org.jspecify.annotations.NullMarked
package org.gridlink.answers;
