/**
 * Linked case handling (联动处置, PRODUCT.md capability 6): the closed loop from report to evaluation — filing,
 * dispatch to a lead unit and assisting units by routing rules, acceptance, feedback, verification with rework,
 * closing and evaluation, with return, extension, deferral, parking, urging and void as branches; a working-time
 * clock per case (warning at 80 %, overdue and escalation at 100 %, stopped while a request awaits approval);
 * near-duplicate detection, KPIs and Open311 GeoReport v2. Public API: {@link org.gridlink.cases.CaseManagement}.
 * Units, grids, police grids and property companies are read through the jurisdiction module's facades.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Linked case handling",
		allowedDependencies = { "platform :: api", "jurisdiction :: api" })
@org.jspecify.annotations.NullMarked
package org.gridlink.cases;
