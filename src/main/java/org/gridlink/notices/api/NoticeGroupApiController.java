package org.gridlink.notices.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gridlink.notices.GroupWebhooks;
import org.gridlink.platform.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The work-chat groups (企业微信群机器人) the GROUP channel posts to, kept by the notice writers of each place: a
 * jurisdiction code, a name and the robot's webhook address (shown masked).
 */
@RestController
@Tag(name = "Notices")
class NoticeGroupApiController {

	private final GroupWebhooks groups;

	NoticeGroupApiController(GroupWebhooks groups) {
		this.groups = groups;
	}

	record NewGroup(@Nullable String jurisdictionCode, @Nullable String name, @Nullable String webhookUrl) {
	}

	@GetMapping("/api/v1/notice-groups")
	@Operation(summary = "The work-chat groups inside the caller's scope (webhook addresses masked)")
	List<GroupWebhooks.Group> list(CurrentUser user) {
		return groups.list(user);
	}

	@PostMapping("/api/v1/notice-groups")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a work-chat group of a place in the caller's scope: jurisdictionCode (community, grid), "
			+ "name, webhookUrl (the WeCom group robot's address)")
	GroupWebhooks.Group add(CurrentUser user, @RequestBody NewGroup group) {
		return groups.add(user, group.jurisdictionCode(), group.name(), group.webhookUrl());
	}

	@DeleteMapping("/api/v1/notice-groups/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a work-chat group of a place in the caller's scope")
	void remove(CurrentUser user, @PathVariable long id) {
		groups.remove(user, id);
	}
}
