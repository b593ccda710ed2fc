/**
 * Platform: accounts, roles and jurisdiction scope, security, the audit trail, i18n, layout and errors.
 * Other modules use {@link org.gridlink.platform.CurrentUser}, {@link org.gridlink.platform.AuditTrail},
 * {@link org.gridlink.platform.Accounts} and {@link org.gridlink.platform.OutOfScopeException}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package org.gridlink.platform;
