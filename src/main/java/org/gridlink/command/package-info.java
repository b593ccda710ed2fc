/**
 * The command center (GLOSSARY: commandCenter, dailySummary): one picture of the district. A read model of counts per
 * jurisdiction and day, fed by the modules' events and rebuilt from their public facts; the figures API, the
 * command page and wall, the live feed (server-sent events from a shared table) and the daily summary (PDF, Excel).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Command center",
		allowedDependencies = { "platform :: api", "jurisdiction :: api", "cases :: api", "quarantine :: api",
				"notices :: api", "screening :: api", "passes :: api", "answers :: api", "inspection :: api",
				"dailyreport :: api" })
@org.jspecify.annotations.NullMarked
package org.gridlink.command;
