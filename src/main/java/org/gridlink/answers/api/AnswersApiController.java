package org.gridlink.answers.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.gridlink.answers.DailyDigest;
import org.gridlink.answers.DailyDigests;
import org.gridlink.answers.NewAnswer;
import org.gridlink.answers.PublicAnswer;
import org.gridlink.answers.PublicAnswers;
import org.gridlink.platform.ApiPaging;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public answers for API clients: the published answers without login ({@code /api/v1/public/answers}); the duty
 * desk's answers, writing, publishing and withdrawing (CENTER); the daily digest (center and leaders).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Public answers")
class AnswersApiController {

	private final PublicAnswers answers;
	private final DailyDigests digests;

	AnswersApiController(PublicAnswers answers, DailyDigests digests) {
		this.answers = answers;
		this.digests = digests;
	}

	@GetMapping("/public/answers")
	@Operation(summary = "The published answers, no login: newest answer date first; q searches question, answer "
			+ "and source (literally); theme one of EPIDEMIC, CITY, TRAFFIC, LIVELIHOOD, SAFETY, POLICY, OTHER")
	PagedModel<PublicAnswer> published(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String theme, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return new PagedModel<>(answers.published(q, theme, ApiPaging.of(page, size)));
	}

	@GetMapping("/public/answers/{id}")
	@Operation(summary = "One published answer, no login; 404 when unknown, a draft or withdrawn")
	PublicAnswer publishedOne(@PathVariable long id) {
		return answers.findPublished(id).orElseThrow(() -> new NotFoundException("answers.not.found", String.valueOf(id)));
	}

	@GetMapping("/answers")
	@Operation(summary = "The duty desk's answers of its district, every status (CENTER)")
	PagedModel<PublicAnswer> desk(@RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable String theme, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @Parameter(hidden = true) CurrentUser user) {
		return new PagedModel<>(answers.desk(user, q, theme, ApiPaging.of(page, size)));
	}

	@PostMapping("/answers")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Write an answer (CENTER): question, answer, source, date (yyyy-MM-dd, not in the future; "
			+ "default today), theme; publish true publishes it at once, else it is a draft")
	PublicAnswer create(@RequestBody NewAnswer input, @Parameter(hidden = true) CurrentUser user) {
		return answers.own(user, answers.create(user, input));
	}

	/** The version the caller saw (optional), and for a withdrawal the note why. */
	record StepRequest(@Nullable Integer version, @Nullable String note) {
	}

	@PostMapping("/answers/{id}/publish")
	@Operation(summary = "Publish a draft of the desk's district (409 if not a draft or changed since version)")
	PublicAnswer publish(@PathVariable long id, @RequestBody(required = false) @Nullable StepRequest request,
			@Parameter(hidden = true) CurrentUser user) {
		return answers.publish(user, id, request == null ? null : request.version());
	}

	@PostMapping("/answers/{id}/withdraw")
	@Operation(summary = "Withdraw one of the desk's own answers with a note (audited); it leaves the public page")
	PublicAnswer withdraw(@PathVariable long id, @RequestBody(required = false) @Nullable StepRequest request,
			@Parameter(hidden = true) CurrentUser user) {
		return answers.withdraw(user, id, request == null ? null : request.note(),
				request == null ? null : request.version());
	}

	@GetMapping("/digest/daily")
	@Operation(summary = "The daily digest of a day (yyyy-MM-dd, district time; default yesterday) over the caller's "
			+ "scope: concerns by theme and channel, answered, open, answers published (center and leaders)")
	DailyDigest digest(@RequestParam(required = false) @Nullable String day,
			@Parameter(hidden = true) CurrentUser user) {
		return digests.of(user, digests.day(day));
	}
}
