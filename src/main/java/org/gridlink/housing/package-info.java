/**
 * Rural housing improvement (农房改善, PRODUCT.md capability 13): projects over villages with their new-home sites, the
 * households with their survey, eligibility and priority by configurable rules and the public notice period; unit
 * types, choices, allocation, agreements and subsidy tranches; construction scheduled backwards from the hand-over
 * date, daily progress, site problems as cases, supporting works, jobs and training; a public board per project.
 * The root package holds projects, sites and households ({@link org.gridlink.housing.HousingDirectory}) and the
 * public board, which each part fills with a {@link org.gridlink.housing.HousingBoardSection}; sub-packages
 * {@code choice} (unit types, choices, allocation, agreements, tranches) and {@code construction} (schedule, wall
 * chart, daily reports, problems, inspections, supporting works, jobs and training).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rural housing improvement",
		allowedDependencies = { "platform :: api", "jurisdiction :: api", "residents :: api", "cases :: api",
				"notices :: api", "inspection :: api" })
@org.jspecify.annotations.NullMarked
package org.gridlink.housing;
