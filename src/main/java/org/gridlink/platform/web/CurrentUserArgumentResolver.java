package org.gridlink.platform.web;

import org.gridlink.platform.CurrentUser;
import org.gridlink.platform.CurrentUsers;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a controller method take the signed-in {@link CurrentUser} as a parameter instead of asking
 * {@link CurrentUsers}. A {@code CurrentUser} parameter on a page or endpoint without login fails (the security
 * chain keeps anonymous requests away from those); use {@code Optional<CurrentUser>} where login is optional.
 */
class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver {

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == CurrentUser.class || (parameter
				.getParameterType() == java.util.Optional.class
				&& parameter.nestedIfOptional().getNestedParameterType() == CurrentUser.class);
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		if (parameter.getParameterType() == java.util.Optional.class) {
			return CurrentUsers.find();
		}
		return CurrentUsers.current();
	}
}
