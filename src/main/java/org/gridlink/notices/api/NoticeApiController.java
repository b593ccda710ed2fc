package org.gridlink.notices.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gridlink.notices.Inbox;
import org.gridlink.notices.NewNotice;
import org.gridlink.notices.NoticeStatus;
import org.gridlink.notices.NoticeView;
import org.gridlink.notices.Notices;
import org.gridlink.platform.ApiPaging;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notices: write (201 with the recipient count; an audience outside the caller's scope is 403), approve (another
 * user with the right), send, read with delivery counts; the caller's inbox with read confirmation.
 */
@RestController
@Tag(name = "Notices")
class NoticeApiController {

	private final Notices notices;
	private final Inbox inbox;

	NoticeApiController(Notices notices, Inbox inbox) {
		this.notices = notices;
		this.inbox = inbox;
	}

	record Created(long id, NoticeStatus status, long recipients) {
	}

	@PostMapping("/api/v1/notices")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Write a notice: title, body ({name} and {community} are the only variables), audience "
			+ "(jurisdictions, tags, quarantine; compounds and buildings (ids), screeningCampaign (its key persons' "
			+ "households), each inside the caller's scope, else 403; staffRoles, unitId for the inbox), channels (INBOX, SMS, "
			+ "EMAIL, GROUP, PRINT), urgent, "
			+ "sendAt. "
			+ "A street or wider waits for approval (PENDING_APPROVAL); otherwise APPROVED")
	Created create(CurrentUser user, @RequestBody NewNotice notice) {
		NoticeView view = notices.create(user, notice);
		return new Created(view.id(), view.status(), view.recipients());
	}

	@GetMapping("/api/v1/notices")
	@Operation(summary = "Notices the caller wrote or whose places their scope covers, newest first")
	PagedModel<NoticeView> list(CurrentUser user, @RequestParam(required = false) @Nullable String status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		NoticeStatus filter = null;
		if (status != null && !status.isBlank()) {
			try {
				filter = NoticeStatus.valueOf(status.strip());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException("notices.status.unknown", status);
			}
		}
		return new PagedModel<>(notices.list(user, filter, ApiPaging.of(page, size)));
	}

	@GetMapping("/api/v1/notices/{id}")
	@Operation(summary = "One notice with its status, recipients and delivery counts")
	NoticeView get(CurrentUser user, @PathVariable long id) {
		return notices.get(user, id);
	}

	@GetMapping("/api/v1/notices/{id}/places")
	@Operation(summary = "Delivery counts per community of the recipients; with under=CODE one level below that place "
			+ "(the district: per street, a street: per community, a community: per grid)")
	List<NoticeView.PlaceCounts> places(CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable String under) {
		return notices.byPlace(user, id, under);
	}

	@GetMapping("/api/v1/notices/{id}/failures")
	@Operation(summary = "The recipients the notice did not reach (masked names, channel, error, tries), at most 500; "
			+ "place=CODE: only those under that place")
	List<NoticeView.Failure> failures(CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable String place) {
		return notices.failures(user, id, place);
	}

	@GetMapping("/api/v1/notices/{id}/not-read")
	@Operation(summary = "Staff who have not yet confirmed the notice in their inbox")
	List<Inbox.Unread> notRead(CurrentUser user, @PathVariable long id) {
		return inbox.notRead(user, id);
	}

	@PostMapping("/api/v1/notices/{id}/approve")
	@Operation(summary = "Approve a notice waiting for approval (center or leader, not its writer)")
	NoticeView approve(CurrentUser user, @PathVariable long id) {
		return notices.approve(user, id);
	}

	@PostMapping("/api/v1/notices/{id}/send")
	@Operation(summary = "Send an approved notice: the outbox is built and sent in the background")
	NoticeView send(CurrentUser user, @PathVariable long id) {
		return notices.send(user, id);
	}

	@PostMapping("/api/v1/notices/{id}/cancel")
	@Operation(summary = "Cancel a notice before it is sent")
	NoticeView cancel(CurrentUser user, @PathVariable long id) {
		return notices.cancel(user, id);
	}

	@GetMapping("/api/v1/inbox")
	@Operation(summary = "The caller's inbox, unread first")
	PagedModel<Inbox.Item> inbox(CurrentUser user, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return new PagedModel<>(inbox.items(user, ApiPaging.of(page, size)));
	}

	@PostMapping("/api/v1/inbox/{id}/read")
	@Operation(summary = "Confirm (签收) one of the caller's inbox items")
	Inbox.Item read(CurrentUser user, @PathVariable long id) {
		return inbox.read(user, id);
	}
}
