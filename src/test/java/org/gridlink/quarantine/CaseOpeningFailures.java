package org.gridlink.quarantine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.aopalliance.intercept.MethodInterceptor;
import org.gridlink.cases.CaseManagement;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * A failure switch of the tests, never of production: {@link #failOnce} makes the next {@link CaseManagement#reportAs}
 * with that idempotency key throw, as if the cases module was down for a moment. Every other call goes through.
 */
@Component
class CaseOpeningFailures implements BeanPostProcessor {

	private final Set<String> failing = ConcurrentHashMap.newKeySet();

	void failOnce(String idempotencyKey) {
		failing.add(idempotencyKey);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof CaseManagement)) {
			return bean;
		}
		ProxyFactory proxy = new ProxyFactory(bean);
		proxy.setProxyTargetClass(true);
		proxy.addAdvice((MethodInterceptor) call -> {
			if (call.getMethod().getName().equals("reportAs") && call.getArguments()[2] instanceof String key
					&& failing.remove(key)) {
				throw new IllegalStateException("simulated failure of the cases module for " + key);
			}
			return call.proceed();
		});
		return proxy.getProxy();
	}
}
