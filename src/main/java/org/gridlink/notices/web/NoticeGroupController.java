package org.gridlink.notices.web;

import java.util.List;
import java.util.Locale;

import org.gridlink.notices.GroupWebhooks;
import org.gridlink.notices.Notices;
import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.FormErrors;
import org.gridlink.platform.InvalidInputException;
import org.gridlink.platform.JurisdictionDirectory;
import org.gridlink.platform.OutOfScopeException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The work-chat groups (企业微信群机器人) of the places in the writer's scope, for notice writers: list (addresses
 * masked), add with the validation messages beside the fields, remove. The same rules as
 * {@code /api/v1/notice-groups} ({@link GroupWebhooks}).
 */
@Controller
class NoticeGroupController {

	private final GroupWebhooks groups;
	private final Notices notices;
	private final JurisdictionDirectory places;
	private final MessageSource messages;

	NoticeGroupController(GroupWebhooks groups, Notices notices, JurisdictionDirectory places,
			MessageSource messages) {
		this.groups = groups;
		this.notices = notices;
		this.places = places;
		this.messages = messages;
	}

	record GroupForm(String jurisdictionCode, String name, String webhookUrl) {
	}

	@GetMapping("/notices/groups")
	String list(CurrentUser user, Model model, Locale locale) {
		return page(user, new GroupForm("", "", ""), FormErrors.in(messages, locale), model);
	}

	@PostMapping("/notices/groups")
	String add(CurrentUser user, @RequestParam(defaultValue = "") String jurisdictionCode,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String webhookUrl,
			Model model, Locale locale, RedirectAttributes redirect) {
		GroupForm form = new GroupForm(jurisdictionCode, name, "");
		try {
			GroupWebhooks.Group added = groups.add(user, jurisdictionCode, name, webhookUrl);
			redirect.addFlashAttribute("flash", messages.getMessage("notices.groups.added",
					new Object[] { added.name() }, locale));
			return "redirect:/notices/groups";
		}
		catch (InvalidInputException ex) {
			// the address holds the robot's key: typed again rather than sent back in the page
			return page(user, form, FormErrors.in(messages, locale).add(field(ex), ex), model);
		}
		catch (OutOfScopeException ex) {
			if (!notices.canWrite(user)) {
				throw ex;
			}
			return page(user, form, FormErrors.in(messages, locale).addKey("jurisdictionCode",
					"notices.groups.jurisdiction.outOfScope", jurisdictionCode.strip()), model);
		}
	}

	@PostMapping("/notices/groups/{id}/remove")
	String remove(CurrentUser user, @PathVariable long id, Locale locale, RedirectAttributes redirect) {
		groups.remove(user, id);
		redirect.addFlashAttribute("flash", messages.getMessage("notices.groups.removed", null, locale));
		return "redirect:/notices/groups";
	}

	private String page(CurrentUser user, GroupForm form, FormErrors errors, Model model) {
		List<GroupWebhooks.Group> list = groups.list(user);
		model.addAttribute("groups", list);
		model.addAttribute("names", places.names(list.stream().map(GroupWebhooks.Group::jurisdictionCode).toList()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "notices/groups";
	}

	private static String field(InvalidInputException ex) {
		String key = ex.messageKey();
		return key.startsWith("notices.groups.name") ? "name"
				: key.startsWith("notices.groups.webhook") ? "webhookUrl" : "jurisdictionCode";
	}
}
