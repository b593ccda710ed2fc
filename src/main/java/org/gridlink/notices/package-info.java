/**
 * Notices (上情下达, PRODUCT.md capability 9): a notice with a title, a text with the recipient's own name and community
 * as the only variables, an audience (jurisdictions, resident tags, people under home quarantine; staff by role, unit
 * and scope) and channels; approval by a second person for a street or wider; an outbox of one row per recipient and
 * channel sent in the background (rate limit, retries, quiet hours, opt-outs, restart-safe claims); the staff inbox
 * with read confirmation; SMS through an Alibaba Cloud SMS adapter and its local simulator; e-mail over SMTP; WeCom
 * group robots; printed door-to-door lists (PDF). Public API:
 * {@link org.gridlink.notices.Notifications} (single messages), {@link org.gridlink.notices.Notices},
 * {@link org.gridlink.notices.Inbox}. Residents and quarantine are read through their recipient facades.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notices",
		allowedDependencies = { "platform :: api", "residents :: api", "quarantine :: api", "cases :: api",
				"jurisdiction :: api", "screening :: api" })
@org.jspecify.annotations.NullMarked
package org.gridlink.notices;
