package org.gridlink.screening.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gridlink.platform.CurrentUser;
import org.gridlink.screening.CampaignView;
import org.gridlink.screening.KeyPerson;
import org.gridlink.screening.NewCampaign;
import org.gridlink.screening.Progress;
import org.gridlink.screening.RecordInput;
import org.gridlink.screening.RecordResult;
import org.gridlink.screening.Screening;
import org.gridlink.screening.TaskHousehold;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Screening campaigns for phones and integration partners; every answer is limited to the caller's scope. */
@RestController
@RequestMapping("/api/v1/screening/campaigns")
@Tag(name = "Screening")
class ScreeningApiController {

	private final Screening screening;
	private final MessageSource messages;

	ScreeningApiController(Screening screening, MessageSource messages) {
		this.screening = screening;
		this.messages = messages;
	}

	@GetMapping
	@Operation(summary = "Campaigns the caller may see, newest first")
	List<CampaignView> list(CurrentUser user) {
		return screening.list(user);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Prepare a campaign (DRAFT) on a jurisdiction of the caller's scope")
	CampaignView create(CurrentUser user, @RequestBody NewCampaign campaign) {
		return screening.create(user, campaign);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One campaign, with gridsDone / gridsTotal while it is STARTING")
	CampaignView get(CurrentUser user, @PathVariable long id) {
		return screening.get(user, id);
	}

	@PostMapping("/{id}/start")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@Operation(summary = "Start a draft: answers 202 at once with status STARTING; the tasks (one per grid with a "
			+ "snapshot of its households) are created in the background, gridsDone / gridsTotal tell how far, and "
			+ "the campaign becomes RUNNING (records accepted) when every grid is done")
	CampaignView start(CurrentUser user, @PathVariable long id) {
		return screening.start(user, id);
	}

	@PostMapping("/{id}/close")
	@Operation(summary = "Close a running campaign")
	CampaignView close(CurrentUser user, @PathVariable long id) {
		return screening.close(user, id);
	}

	@PostMapping("/{id}/records")
	@Operation(summary = "Up to 500 records; idempotent by clientId; a result per record (ACCEPTED, DUPLICATE, REJECTED)")
	BatchAnswer records(CurrentUser user, @PathVariable long id, @RequestBody List<RecordInput> records,
			Locale locale) {
		List<RecordResult> results = screening.submit(user, id, records);
		List<Result> out = results.stream()
				.map(r -> new Result(r.clientId(), r.status(), r.code(), r.messageKey() == null ? null
						: messages.getMessage(r.messageKey(), r.arguments(), r.messageKey(), locale)))
				.toList();
		return new BatchAnswer(count(results, "ACCEPTED"), count(results, "DUPLICATE"), count(results, "REJECTED"),
				out);
	}

	@GetMapping("/{id}/progress")
	@Operation(summary = "Screened / total / abnormal households and persons of a node and its children")
	Progress progress(CurrentUser user, @PathVariable long id,
			@RequestParam(required = false) @Nullable String jurisdiction) {
		return screening.progress(user, id, jurisdiction);
	}

	@GetMapping("/{id}/households")
	@Operation(summary = "A grid's households in walking order with their state and masked members")
	List<TaskHousehold> households(CurrentUser user, @PathVariable long id, @RequestParam String grid) {
		return screening.households(user, id, grid);
	}

	@GetMapping("/{id}/key-persons")
	@Operation(summary = "Residents with abnormal answers (masked) and their follow-up owners")
	List<KeyPerson> keyPersons(CurrentUser user, @PathVariable long id) {
		return screening.keyPersons(user, id);
	}

	@PutMapping("/{id}/key-persons/{residentId}/owner")
	@Operation(summary = "Assign (or clear) the follow-up owner of a key person")
	ResponseEntity<Void> owner(CurrentUser user, @PathVariable long id, @PathVariable long residentId,
			@RequestBody OwnerRequest body) {
		screening.assignOwner(user, id, residentId, body.owner());
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, String>> unreadable(Locale locale) {
		return ResponseEntity.badRequest().body(Map.of("code", "INVALID_INPUT", "message",
				messages.getMessage("screening.batch.unreadable", null, "screening.batch.unreadable", locale)));
	}

	private static long count(List<RecordResult> results, String status) {
		return results.stream().filter(r -> r.status().equals(status)).count();
	}

	/** The follow-up owner to set; blank or missing clears it. */
	record OwnerRequest(@Nullable String owner) {
	}

	record BatchAnswer(long accepted, long duplicates, long rejected, List<Result> results) {
	}

	record Result(String clientId, String status, @Nullable String code, @Nullable String message) {
	}
}
