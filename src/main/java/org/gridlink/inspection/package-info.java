/**
 * Supervision rounds (督查督办, PRODUCT.md capability 7): inspection groups drawn from units with the communities and
 * units each covers; rounds with dates, groups, targets and a checklist from a library of check items; results
 * recorded on site (offline on the phone, one per client id); a failed item handed off to the unit or community
 * responsible as a case of the cases module (source INSPECTION, class group S06) and verified by the group before the
 * case closes; round reports (PDF, Excel), the board of repeat problems and per-unit rectification figures. Public
 * API: {@link org.gridlink.inspection.Inspections}, {@link org.gridlink.inspection.InspectionViews}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Supervision rounds",
		allowedDependencies = { "platform :: api", "jurisdiction :: api", "cases :: api", "notices :: api" })
@org.jspecify.annotations.NullMarked
package org.gridlink.inspection;
