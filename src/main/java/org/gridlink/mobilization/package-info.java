/**
 * Community mobilization (PRODUCT.md capability 11): posted cadres' presence in their community by the community's
 * daily code and the tasks the community gives them; volunteers and party members registered with their home
 * community (双报到), volunteer tasks with sign-ups, attendance and hours, the duty badge (亮身份); the "1+N" council of
 * each community with its seats, meetings, decisions and minutes. Sub-packages: {@code volunteers}, {@code council}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Community mobilization",
		allowedDependencies = { "platform :: api", "jurisdiction :: api", "cases :: api", "notices :: api",
				"residents :: api", "inspection :: api", "answers :: api", "passes :: api" })
@org.jspecify.annotations.NullMarked
package org.gridlink.mobilization;
