package org.gridlink.platform.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.gridlink.platform.CodeLists;
import org.gridlink.platform.NewAccount;
import org.gridlink.platform.Role;

/** What the admin typed into the new-user form, kept as typed so nothing is lost when it comes back with errors. */
public class UserForm {

	private String username = "";
	private String displayName = "";
	private String password = "";
	private List<String> roles = new ArrayList<>();
	private String scope = "";

	NewAccount toNewAccount() {
		return new NewAccount(username.trim().toLowerCase(Locale.ROOT), displayName.trim(), password, roles(roles),
				CodeLists.parse(scope), null);
	}

	/** The page's field for a column of {@code Accounts.problemsOf}. */
	static String field(String column) {
		return column.equals("display_name") ? "displayName" : column;
	}

	static Set<Role> roles(List<String> names) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		names.stream().filter(Role::isValid).map(Role::valueOf).forEach(roles::add);
		return roles;
	}

	public String getUsername() {
		return username;
	}

	public void setUsername(String username) {
		this.username = username == null ? "" : username;
	}

	public String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName == null ? "" : displayName;
	}

	public String getPassword() {
		return password;
	}

	public void setPassword(String password) {
		this.password = password == null ? "" : password;
	}

	public List<String> getRoles() {
		return roles;
	}

	public void setRoles(List<String> roles) {
		this.roles = roles == null ? new ArrayList<>() : roles;
	}

	public String getScope() {
		return scope;
	}

	public void setScope(String scope) {
		this.scope = scope == null ? "" : scope;
	}
}
