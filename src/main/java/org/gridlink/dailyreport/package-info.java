/**
 * Daily information reports (信息报送, GLOSSARY: dailyReport — form, submission, rollup): the center defines a report
 * form (integer, decimal, text and choice fields, the level that fills it in — community, street or unit —, a daily
 * deadline in district time and the fields GridLink pre-fills from its own data); each community fills in and
 * submits; its street sends it back with a note or accepts it (a street's and a unit's report: the center);
 * corrections after submission are versioned with who and why; the district sees the roll-up per street and
 * community (per unit for a unit form) with what is late or missing; reminders go to the inbox before the deadline.
 * Public API: {@link org.gridlink.dailyreport.DailyReports}. Pre-filled figures are read through the cases,
 * screening and quarantine modules' public APIs; reminders through {@code notices :: api}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Daily information reports",
		allowedDependencies = { "platform :: api", "jurisdiction :: api", "cases :: api", "screening :: api",
				"quarantine :: api", "notices :: api" })
@org.jspecify.annotations.NullMarked
package org.gridlink.dailyreport;
